package nl.mantelzorgthuis.notificationservice.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Practices as practice-service announced them (name and municipalities), so that a change of an
 * experiment reaches those who follow the practice's municipality. Newest aggregate version wins.
 */
@Component
public class PracticeDirectory {

    static final String COLLECTION = "practices";

    public record Practice(String id, String name, Set<String> municipalities, long version) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Practice> known = new ConcurrentHashMap<>();

    PracticeDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.findAll(Document.class, COLLECTION).forEach(d -> {
            Practice p = of(d);
            known.put(p.id(), p);
        });
    }

    public void remember(String id, String name, Set<String> municipalities, long version) {
        Practice current = known.get(id);
        if (current != null && current.version() >= version) {
            return;
        }
        Practice practice = new Practice(id, name, Set.copyOf(municipalities), version);
        known.put(id, practice);
        try {
            mongo.upsert(Query.query(where("_id").is(id).and("version").lt(version)),
                    new Update().set("name", name).set("municipalities", List.copyOf(municipalities)).set("version", version),
                    COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // A newer version is stored already (another replica was quicker): nothing to do.
        }
    }

    public Practice find(String id) {
        return known.get(id);
    }

    private static Practice of(Document d) {
        List<String> municipalities = d.getList("municipalities", String.class);
        return new Practice(d.getString("_id"), d.getString("name"), municipalities == null ? Set.of() : Set.copyOf(municipalities),
                d.get("version", Number.class).longValue());
    }
}
