package nl.mantelzorgthuis.experimentservice.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which events a consumer has handled, deduplicated by a unique index on (consumer, event id): the
 * insert itself is the claim, there is no check-then-insert race. A claim is marked done after the
 * event was applied, so an event whose processing was cut short (crash, error) is processed again.
 */
@Component
class ProcessedEvents {

    static final String COLLECTION = "processedEvents";

    private final MongoTemplate mongo;

    ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("consumer", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC).unique());
    }

    /** True when this consumer should process the event: first delivery, or an earlier attempt did not finish. */
    boolean claim(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("consumer", consumer).append("eventId", eventId)
                    .append("done", false).append("at", new Date()));
            return true;
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException e) {
            Document existing = mongo.findOne(Query.query(where("consumer").is(consumer).and("eventId").is(eventId)),
                    Document.class, COLLECTION);
            return existing != null && !Boolean.TRUE.equals(existing.getBoolean("done"));
        }
    }

    void done(String consumer, String eventId) {
        mongo.updateFirst(Query.query(where("consumer").is(consumer).and("eventId").is(eventId)),
                new Update().set("done", true), COLLECTION);
    }
}
