package nl.mantelzorgthuis.experimentservice.practice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import nl.mantelzorgthuis.experimentservice.experiment.domain.PracticeRef;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This service's own read model of practices, built only from practice-service's events. Each
 * practice keeps the highest aggregate version applied, so an older or repeated event never
 * overwrites a newer state.
 */
@Component
public class PracticeDirectory {

    static final String COLLECTION = "practices";

    private final MongoTemplate mongo;

    PracticeDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PracticeRef> find(String id) {
        Document doc = mongo.findOne(Query.query(where("_id").is(id)), Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(PracticeDirectory::ref);
    }

    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    /** Applies the practice state of {@code version}; false when the directory already has that version or a newer one. */
    public boolean apply(PracticeRef practice, long version) {
        Document state = new Document("version", version).append("name", practice.name())
                .append("archived", practice.archived()).append("organisations", practice.organisations())
                .append("municipalities", practice.municipalities());
        Update update = new Update();
        state.forEach(update::set);
        var updated = mongo.updateFirst(Query.query(where("_id").is(practice.id()).and("version").lt(version)), update, COLLECTION);
        if (updated.getMatchedCount() == 1) {
            return true;
        }
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", practice.id()).append("version", version)
                    .append("name", practice.name()).append("archived", practice.archived())
                    .append("organisations", practice.organisations()).append("municipalities", practice.municipalities()));
            return true;
        } catch (DuplicateKeyException e) {
            // The practice is known at this version or a newer one: the event is old news.
            return false;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e; // the store refused the write: the event is retried
            }
            return false;
        }
    }

    private static PracticeRef ref(Document doc) {
        return new PracticeRef(doc.getString("_id"), doc.getString("name"), Boolean.TRUE.equals(doc.getBoolean("archived")),
                doc.getList("organisations", String.class, List.of()), doc.getList("municipalities", String.class, List.of()));
    }
}
