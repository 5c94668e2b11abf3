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

    EndpointStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("owner", Sort.Direction.ASC));
    }

    void save(Endpoint endpoint) {
        mongo.save(endpoint, COLLECTION);
    }

    Endpoint find(String id) {
        return mongo.findById(id, Endpoint.class, COLLECTION);
    }

    List<Endpoint> all() {
        return mongo.findAll(Endpoint.class, COLLECTION);
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
