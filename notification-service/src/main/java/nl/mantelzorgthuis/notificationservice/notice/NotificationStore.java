package nl.mantelzorgthuis.notificationservice.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The notifications collection: one document per change, kept for the configured retention. */
@Component
public class NotificationStore {

    private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);
    private static final String COUNTERS = "counters";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;

    NotificationStore(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("keys", Sort.Direction.ASC).on("time", Sort.Direction.DESC));
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("seq", Sort.Direction.ASC));
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
    }

    /**
     * Feed positions for a batch, in one write. Positions are unique and ascending across replicas;
     * a batch that is written later than a higher one is why the feed waits a settle time.
     */
    public long allocate(int count) {
        Bson filter = new Document("_id", "notifications");
        Document counter = mongo.getCollection(COUNTERS).findOneAndUpdate(filter, Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue() - count + 1;
    }

    /** Stores what is new; returns the notifications that were not stored before. */
    public List<Notification> store(List<Notification> notifications) {
        Instant expires = clock.instant().plus(properties.retention());
        List<Document> documents = notifications.stream().map(n -> n.toDocument(expires)).toList();
        List<Document> inserted = Inserts.insertNew(mongo.getCollection(Notification.COLLECTION), documents);
        return inserted.stream().map(Notification::of).toList();
    }

    public Notification find(String id) {
        Document d = mongo.findById(id, Document.class, Notification.COLLECTION);
        return d == null ? null : Notification.of(d);
    }

    public List<Notification> find(Query query) {
        return mongo.find(query, Document.class, Notification.COLLECTION).stream().map(Notification::of).toList();
    }

    public long count(Query query) {
        return mongo.count(query, Notification.COLLECTION);
    }

    /** Notifications after a feed position, oldest first, that have settled (see {@link #allocate}). */
    public List<Notification> after(long seq, Criteria filter, int limit) {
        Instant settled = clock.instant().minus(properties.webhooks().feedSettle());
        Query query = Query.query(new Criteria().andOperator(where("seq").gt(seq), where("receivedAt").lte(Date.from(settled)), filter))
                .with(Sort.by("seq")).limit(limit);
        return find(query);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        long removed = mongo.remove(Query.query(where("expiresAt").lt(Date.from(clock.instant()))), Notification.COLLECTION)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} notifications past their retention", removed);
        }
    }
}
