package nl.mantelzorgthuis.notificationservice.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import nl.mantelzorgthuis.notificationservice.notice.Inserts;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deliveries persist every message and its attempts, so pending retries survive a restart. A
 * replica works on a delivery while it holds its lease; a lease that runs out (the replica died)
 * makes the delivery due again for any replica.
 */
@Component
class DeliveryStore {

    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
    }

    List<Document> insertNew(List<Document> deliveries) {
        return Inserts.insertNew(mongo.getCollection(Delivery.COLLECTION), deliveries);
    }

    /** Claims up to {@code limit} due deliveries whose lease ran out or was released. */
    List<Delivery> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        Criteria due = new Criteria().andOperator(where("status").is(Delivery.Status.PENDING.name()),
                where("nextAttemptAt").lte(Date.from(now)), where("leaseUntil").lte(Date.from(now)));
        List<Delivery> claimed = new ArrayList<>();
        List<Document> candidates = mongo.find(Query.query(due).with(Sort.by("nextAttemptAt")).limit(limit), Document.class,
                Delivery.COLLECTION);
        for (Document candidate : candidates) {
            Document taken = mongo.findAndModify(
                    Query.query(new Criteria().andOperator(where("_id").is(candidate.getString("_id")), due)),
                    new Update().set("leaseUntil", Date.from(now.plus(lease))), FindAndModifyOptions.options().returnNew(true),
                    Document.class, Delivery.COLLECTION);
            if (taken != null) {
                claimed.add(Delivery.of(taken));
            }
        }
        return claimed;
    }

    /**
     * Records a success. Successes are written in bulk every 50 ms (one command instead of one per
     * delivery); if the service stops before a flush, the delivery is still leased and pending and
     * is sent again after the lease, under the same webhook-id, which receivers deduplicate on.
     */
    void delivered(String id, Delivery.Attempt attempt) {
        successes.add(new Success(id, attempt));
        if (successes.size() >= 500) {
            flushSuccesses();
        }
    }

    private record Success(String id, Delivery.Attempt attempt) {
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Success> successes = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Scheduled(fixedDelayString = "PT0.05S")
    synchronized void flushSuccesses() {
        List<Success> batch = new ArrayList<>();
        Success next;
        while (batch.size() < 1000 && (next = successes.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, Delivery.COLLECTION);
        for (Success success : batch) {
            bulk.updateOne(Query.query(where("_id").is(success.id())), new Update().set("status", Delivery.Status.DELIVERED.name())
                    .set("deliveredAt", Date.from(success.attempt().at())).set("leaseUntil", Date.from(now)).inc("attempts", 1)
                    .push("log", attempt(success.attempt())));
        }
        bulk.execute();
    }

    @jakarta.annotation.PreDestroy
    void flushOnStop() {
        flushSuccesses();
    }

    void retryAt(String id, Delivery.Attempt attempt, Instant next) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("nextAttemptAt", Date.from(next))
                .set("leaseUntil", Date.from(next)).inc("attempts", 1).push("log", attempt(attempt)), Delivery.COLLECTION);
    }

    /** Not attempted now (circuit open): due again later, no attempt counted. */
    void postpone(String id, Instant next) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("nextAttemptAt", Date.from(next))
                .set("leaseUntil", Date.from(next)), Delivery.COLLECTION);
    }

    void failed(String id, Delivery.Attempt attempt) {
        Update update = new Update().set("status", Delivery.Status.FAILED.name()).set("leaseUntil", Date.from(clock.instant()));
        if (attempt != null) {
            update.inc("attempts", 1).push("log", attempt(attempt));
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), update, Delivery.COLLECTION);
    }

    /**
     * Sends a delivery again (whatever its state), keeping its id; it keeps its log. Successes still
     * waiting for their bulk write are written first, or one could mark the requeued delivery
     * delivered again right after.
     */
    boolean requeue(String endpointId, String id) {
        flushSuccesses();
        Instant now = clock.instant();
        return mongo.updateFirst(Query.query(where("_id").is(id).and("endpointId").is(endpointId)), requeue(now),
                Delivery.COLLECTION).getMatchedCount() > 0;
    }

    long requeueSince(String endpointId, Instant since) {
        flushSuccesses();
        return mongo.updateMulti(Query.query(where("endpointId").is(endpointId).and("eventTime").gte(Date.from(since))),
                requeue(clock.instant()), Delivery.COLLECTION).getModifiedCount();
    }

    private static Update requeue(Instant now) {
        return new Update().set("status", Delivery.Status.PENDING.name()).set("nextAttemptAt", Date.from(now))
                .set("leaseUntil", Date.from(now));
    }

    Delivery find(String endpointId, String id) {
        Document d = mongo.findOne(Query.query(where("_id").is(id).and("endpointId").is(endpointId)), Document.class, Delivery.COLLECTION);
        return d == null ? null : Delivery.of(d);
    }

    List<Delivery> log(String endpointId, String status, int page, int pageSize) {
        Query query = Query.query(where("endpointId").is(endpointId));
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) (page - 1) * pageSize).limit(pageSize),
                Document.class, Delivery.COLLECTION).stream().map(Delivery::of).toList();
    }

    long retrying() {
        return mongo.count(Query.query(where("status").is(Delivery.Status.PENDING.name()).and("attempts").gt(0)), Delivery.COLLECTION);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        mongo.remove(Query.query(where("expiresAt").lt(Date.from(clock.instant())).and("status").ne(Delivery.Status.PENDING.name())),
                Delivery.COLLECTION);
    }

    private static Document attempt(Delivery.Attempt attempt) {
        Document d = new Document("at", Date.from(attempt.at())).append("status", attempt.status())
                .append("latencyMillis", attempt.latencyMillis());
        if (attempt.error() != null) {
            d.append("error", attempt.error());
        }
        return d;
    }
}
