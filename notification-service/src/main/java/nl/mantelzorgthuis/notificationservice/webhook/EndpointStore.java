package nl.mantelzorgthuis.notificationservice.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The endpoints collection (webhooks and ZGW abonnementen). */
@Component
class EndpointStore {

    static final String COLLECTION = "endpoints";

    private final MongoTemplate mongo;
    private final SecretSealer sealer;

    EndpointStore(MongoTemplate mongo, SecretSealer sealer) {
        this.mongo = mongo;
        this.sealer = sealer;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("owner", Sort.Direction.ASC));
        sealAgain();
    }

    /** Signing secrets and abonnement credentials are stored sealed (encrypted), never in plain text. */
    void save(Endpoint endpoint) {
        mongo.save(converted(endpoint, sealer::seal), COLLECTION);
    }

    Endpoint find(String id) {
        Endpoint stored = mongo.findById(id, Endpoint.class, COLLECTION);
        return stored == null ? null : converted(stored, sealer::open);
    }

    List<Endpoint> all() {
        return mongo.findAll(Endpoint.class, COLLECTION).stream().map(e -> converted(e, sealer::open)).toList();
    }

    private static Endpoint converted(Endpoint e, java.util.function.UnaryOperator<String> secret) {
        return e.withSealedValues(e.secrets().stream()
                .map(s -> new Endpoint.Secret(secret.apply(s.value()), s.createdAt(), s.expiresAt())).toList(), secret.apply(e.nrcAuth()));
    }

    /**
     * Idempotent, at start: what was stored in plain text, or sealed with a key that is no longer
     * current, is sealed again with the current key (key rotation, docs/operations.md).
     */
    private void sealAgain() {
        for (Endpoint stored : mongo.findAll(Endpoint.class, COLLECTION)) {
            boolean stale = sealer.stale(stored.nrcAuth()) || stored.secrets().stream().anyMatch(s -> sealer.stale(s.value()));
            if (stale) {
                save(converted(stored, sealer::open));
            }
        }
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
    }

    /** Marks the endpoint failing since now, unless it already is: the first failure after a success counts. */
    void failing(String id, Instant now) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("failingSince").is(null)), new Update().set("failingSince", now), COLLECTION);
    }

    void recovered(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("failingSince").ne(null)), new Update().unset("failingSince"), COLLECTION);
    }

    /** Disables an active endpoint; false when it was not active (another replica was first). */
    boolean disable(String id, String reason, Instant now) {
        return mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(Endpoint.Status.ACTIVE)),
                new Update().set("status", Endpoint.Status.DISABLED).set("disabledReason", reason).set("disabledAt", now)
                        .set("updatedAt", now), COLLECTION).getModifiedCount() > 0;
    }
}
