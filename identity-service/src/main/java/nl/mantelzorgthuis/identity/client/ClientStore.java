package nl.mantelzorgthuis.identity.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
public class ClientStore {

    static final String COLLECTION = "clients";

    private final MongoTemplate mongo;
    private final AuditTrail audits;

    ClientStore(MongoTemplate mongo, AuditTrail audits) {
        this.mongo = mongo;
        this.audits = audits;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("clientId", Sort.Direction.ASC).unique());
    }

    public boolean insert(MachineClient client, AuditEntry audit) {
        return audits.insert(COLLECTION, client, audit);
    }

    public Optional<MachineClient> byClientId(String clientId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("clientId").is(clientId)), MachineClient.class, COLLECTION));
    }

    Optional<MachineClient> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, MachineClient.class, COLLECTION));
    }

    List<MachineClient> all() {
        return mongo.find(new Query().with(Sort.by("clientId")), MachineClient.class, COLLECTION);
    }

    boolean addSecret(String clientId, MachineClient.Secret secret, AuditEntry audit) {
        return settled(clientId, mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                audits.recording(new Update().push("secrets", secret), audit), COLLECTION).getMatchedCount() == 1);
    }

    /**
     * Ends a rotation: removes every secret older than the newest. A $pull on that condition, so a
     * secret added meanwhile is never lost.
     */
    boolean retireOlderSecrets(String clientId, AuditEntry audit) {
        return byClientId(clientId).map(client -> {
            client.secrets().stream().map(MachineClient.Secret::createdAt).max(java.util.Comparator.naturalOrder())
                    .ifPresent(newest -> mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                            audits.recording(new Update().pull("secrets",
                                    Query.query(where("createdAt").lt(newest)).getQueryObject()), audit), COLLECTION));
            return settled(clientId, true);
        }).orElse(false);
    }

    boolean deactivate(String clientId, AuditEntry audit) {
        return settled(clientId, mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                audits.recording(new Update().set("active", false), audit), COLLECTION).getMatchedCount() == 1);
    }

    private boolean settled(String clientId, boolean changed) {
        if (changed) {
            audits.settleQuietly(COLLECTION, Query.query(where("clientId").is(clientId)));
        }
        return changed;
    }

    Optional<AuditPage<AuditEntry>> audit(String clientId, int page, int pageSize) {
        return audits.read(COLLECTION, Query.query(where("clientId").is(clientId)), AuditEntry.class, page, pageSize);
    }

}
