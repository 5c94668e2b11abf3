package nl.mantelzorgthuis.starter.consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which events a consumer has handled, deduplicated by a unique index on (consumer, event id): the
 * insert itself is the claim, there is no check-then-insert race. A claim is marked done after the
 * event was applied, so an event whose processing was cut short (crash, error) is processed again.
 * Claims expire after the retention (TTL index on {@code at}).
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processedEvents";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("consumer", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index().on("at", Sort.Direction.ASC).expire(retention));
    }

    /** True when this consumer should process the event: first delivery, or an earlier attempt did not finish. */
    public boolean claim(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("consumer", consumer).append("eventId", eventId)
                    .append("done", false).append("at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // not a duplicate: the store refused the write, so the event must be retried
            }
        } catch (DuplicateKeyException e) {
            // claimed before
        }
        Document existing = mongo.findOne(Query.query(where("consumer").is(consumer).and("eventId").is(eventId)),
                Document.class, COLLECTION);
        return existing != null && !Boolean.TRUE.equals(existing.getBoolean("done"));
    }

    public void done(String consumer, String eventId) {
        mongo.updateFirst(Query.query(where("consumer").is(consumer).and("eventId").is(eventId)),
                new Update().set("done", true), COLLECTION);
    }
}
