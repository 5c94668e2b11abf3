package nl.mantelzorgthuis.identity.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
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

    public boolean insert(MachineClient client) {
        try {
            mongo.insert(client, COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
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

    boolean addSecret(String clientId, MachineClient.Secret secret) {
        return mongo.updateFirst(Query.query(where("clientId").is(clientId)), new Update().push("secrets", secret), COLLECTION)
                .getMatchedCount() == 1;
    }

    /** Keeps only the newest secret: the end of a rotation. */
    boolean retireOlderSecrets(String clientId) {
        return byClientId(clientId).map(client -> {
            List<MachineClient.Secret> newest = client.secrets().stream()
                    .max(java.util.Comparator.comparing(MachineClient.Secret::createdAt)).stream().toList();
            mongo.updateFirst(Query.query(where("clientId").is(clientId)), new Update().set("secrets", newest), COLLECTION);
            return true;
        }).orElse(false);
    }

    boolean deactivate(String clientId) {
        return mongo.updateFirst(Query.query(where("clientId").is(clientId)), new Update().set("active", false), COLLECTION)
                .getMatchedCount() == 1;
    }
}
