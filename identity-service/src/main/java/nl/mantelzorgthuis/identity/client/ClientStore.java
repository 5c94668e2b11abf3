package nl.mantelzorgthuis.identity.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import nl.mantelzorgthuis.identity.audit.AuditEntry;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
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

    ClientStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("clientId", Sort.Direction.ASC).unique());
    }

    public boolean insert(MachineClient client, AuditEntry audit) {
        Document doc = new Document();
        mongo.getConverter().write(client, doc);
        doc.remove("_class");
        doc.put(AuditEntry.FIELD, List.of(toDocument(audit)));
        try {
            mongo.getCollection(COLLECTION).insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
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
        return mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                new Update().push("secrets", secret).push(AuditEntry.FIELD, toDocument(audit)), COLLECTION).getMatchedCount() == 1;
    }

    /**
     * Ends a rotation: removes every secret older than the newest. A $pull on that condition, so a
     * secret added meanwhile is never lost.
     */
    boolean retireOlderSecrets(String clientId, AuditEntry audit) {
        return byClientId(clientId).map(client -> {
            client.secrets().stream().map(MachineClient.Secret::createdAt).max(java.util.Comparator.naturalOrder())
                    .ifPresent(newest -> mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                            new Update().pull("secrets", Query.query(where("createdAt").lt(newest)).getQueryObject())
                                    .push(AuditEntry.FIELD, toDocument(audit)), COLLECTION));
            return true;
        }).orElse(false);
    }

    boolean deactivate(String clientId, AuditEntry audit) {
        return mongo.updateFirst(Query.query(where("clientId").is(clientId)),
                new Update().set("active", false).push(AuditEntry.FIELD, toDocument(audit)), COLLECTION).getMatchedCount() == 1;
    }

    Optional<List<AuditEntry>> audit(String clientId) {
        Query query = Query.query(where("clientId").is(clientId));
        query.fields().include(AuditEntry.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(doc -> doc.getList(AuditEntry.FIELD, Document.class, List.of()).stream()
                        .map(a -> mongo.getConverter().read(AuditEntry.class, a)).toList());
    }

    private Document toDocument(AuditEntry audit) {
        Document doc = new Document();
        mongo.getConverter().write(audit, doc);
        doc.remove("_class");
        return doc;
    }
}
