package nl.mantelzorgthuis.notificationservice.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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

/**
 * The notifications collection: one document per change, kept for the configured retention, and
 * the {@link InboxHeads} of the newest in memory. What this replica stores enters memory at once;
 * what other replicas store is found by position: every allocated position that was not this
 * replica's is read from the store once the feed's settle time has passed (and once more later, for
 * a slow writer). A single replica therefore never queries by position at all.
 */
@Component
public class NotificationStore {

    private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);
    private static final String COUNTERS = "counters";
    private static final Bson COUNTER = new Document("_id", "notifications");
    private static final Duration LATE_WRITER = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;
    private final InboxHeads heads;

    /** Positions: up to {@code accounted} each was this replica's or was looked up; {@code own} holds this replica's above it. */
    private final Object positions = new Object();
    private long accounted;
    private final TreeMap<Long, Long> own = new TreeMap<>();
    private final List<OtherReplicas> others = new ArrayList<>();

    /** Positions another replica allocated, and the ids found there so far. */
    private static final class OtherReplicas {
        final long from;
        final long to;
        final Instant seen;
        final Set<String> found = new HashSet<>();
        boolean lookedUp;

        OtherReplicas(long from, long to, Instant seen) {
            this.from = from;
            this.to = to;
            this.seen = seen;
        }
    }

    NotificationStore(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("keys", Sort.Direction.ASC).on("time", Sort.Direction.DESC));
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("seq", Sort.Direction.ASC));
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
        this.heads = new InboxHeads(properties.inboxHeads() > 0 ? properties.inboxHeads()
                : (int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2048), clock);
        warm();
    }

    /** The newest notifications, read once at start (one query), then kept up to date. */
    private void warm() {
        synchronized (positions) {
            accounted = counter();
            Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(heads.capacity() + 1);
            newest.fields().include("_id", "seq", "time", "type", "keys", "expiresAt");
            List<Document> found = mongo.find(newest, Document.class, Notification.COLLECTION);
            for (Document d : found.reversed().subList(found.size() > heads.capacity() ? 1 : 0, found.size())) {
                addHead(d);
            }
            if (found.size() > heads.capacity()) {
                Query newestLeftOut = Query.query(where("seq").lte(found.getLast().get("seq", Number.class).longValue()))
                        .with(Sort.by(Sort.Direction.DESC, "time")).limit(1);
                Document left = mongo.findOne(newestLeftOut, Document.class, Notification.COLLECTION);
                heads.outOfMemory(left.getDate("time").getTime());
            }
            log.info("Inbox heads: {} of the newest notifications in memory (capacity {})", heads.size(), heads.capacity());
        }
    }

    private void addHead(Document d) {
        heads.add(d.getString("_id"), d.get("seq", Number.class).longValue(), d.getDate("time").getTime(), d.getString("type"),
                d.getList("keys", String.class), d.getDate("expiresAt").getTime());
    }

    private long counter() {
        Document counter = mongo.getCollection(COUNTERS).find(COUNTER).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    public InboxHeads heads() {
        return heads;
    }

    /**
     * Feed positions for a batch, in one write. Positions are unique and ascending across replicas;
     * a batch that is written later than a higher one is why the feed waits a settle time.
     */
    public long allocate(int count) {
        synchronized (positions) {
            Document counter = mongo.getCollection(COUNTERS).findOneAndUpdate(COUNTER, Updates.inc("value", (long) count),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long last = counter.get("value", Number.class).longValue();
            own.put(last - count + 1, last);
            return last - count + 1;
        }
    }

    /** Stores what is new; returns the notifications that were not stored before. */
    public List<Notification> store(List<Notification> notifications) {
        Instant expires = clock.instant().plus(properties.retention());
        List<Document> documents = notifications.stream().map(n -> n.toDocument(expires)).toList();
        List<Document> inserted = Inserts.insertNew(mongo.getCollection(Notification.COLLECTION), documents);
        List<Notification> fresh = inserted.stream().map(Notification::of).toList();
        fresh.forEach(n -> heads.add(n, expires));
        return fresh;
    }

    /** Notifications by id, in the order of the ids; ids no longer stored are left out. */
    public List<Notification> byIds(List<String> ids) {
        Map<String, Notification> found = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), Document.class, Notification.COLLECTION)
                .forEach(d -> found.put(d.getString("_id"), Notification.of(d)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Brings into memory what other replicas stored (nothing to do while this replica allocates alone). */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void followOtherReplicas() {
        Instant now = clock.instant();
        synchronized (positions) {
            long top = counter();
            long cursor = accounted + 1;
            for (Map.Entry<Long, Long> range : own.entrySet()) {
                if (range.getKey() > cursor) {
                    others.add(new OtherReplicas(cursor, range.getKey() - 1, now));
                }
                cursor = Math.max(cursor, range.getValue() + 1);
            }
            if (cursor <= top) {
                others.add(new OtherReplicas(cursor, top, now));
            }
            accounted = Math.max(accounted, Math.max(top, cursor - 1));
            own.clear();
        }
        Instant settled = now.minus(properties.webhooks().feedSettle());
        for (OtherReplicas range : List.copyOf(others)) {
            boolean last = !range.seen.isAfter(now.minus(LATE_WRITER));
            if (!range.seen.isAfter(settled) && (!range.lookedUp || last)) {
                Query query = Query.query(new Criteria().andOperator(where("seq").gte(range.from), where("seq").lte(range.to)));
                query.fields().include("_id", "seq", "time", "type", "keys", "expiresAt");
                for (Document d : mongo.find(query, Document.class, Notification.COLLECTION)) {
                    if (range.found.add(d.getString("_id"))) {
                        addHead(d);
                    }
                }
                range.lookedUp = true;
                if (last) {
                    others.remove(range);
                }
            }
        }
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
        Instant now = clock.instant();
        long removed = mongo.remove(Query.query(where("expiresAt").lt(Date.from(now))), Notification.COLLECTION).getDeletedCount();
        heads.expire(now);
        if (removed > 0) {
            log.info("Removed {} notifications past their retention", removed);
        }
    }
}
