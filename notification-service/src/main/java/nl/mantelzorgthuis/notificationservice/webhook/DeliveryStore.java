package nl.mantelzorgthuis.notificationservice.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.notice.Inserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deliveries persist every message and its attempts, so pending retries survive a restart. A
 * replica works on a delivery while it holds its lease; it keeps the lease while a retry waits (until
 * the retry is due plus one lease), and knows what is due from its {@link DueQueue} in memory. A lease
 * that runs out (the replica died) makes the delivery free for any replica's sweep, which reads the
 * {@link PendingDeliveries pending list} rather than every delivery kept; a replica that starts
 * again under the same name takes its own leases back at once.
 */
@Component
class DeliveryStore {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final String name;
    private final String replica;
    private final DueQueue due;
    private final PendingDeliveries pending;

    DeliveryStore(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = properties.webhooks().lease();
        this.name = properties.webhooks().replica();
        // The lease names this run of the replica too, so a restart tells its predecessor's leases from its own.
        this.replica = name + "@" + clock.millis();
        this.due = new DueQueue(clock);
        this.pending = new PendingDeliveries(mongo);
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        mongo.indexOps(Delivery.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
        log.info("Webhook deliveries are leased as replica {}", name);
    }

    /** New deliveries, leased to this replica, which attempts them at once. */
    List<Document> insertNew(List<Document> deliveries) {
        deliveries.forEach(d -> d.append("leaseOwner", replica));
        pending.listed(deliveries);
        return Inserts.insertNew(mongo.getCollection(Delivery.COLLECTION), deliveries);
    }

    /**
     * Lists every pending delivery that has no entry in the pending list yet: those an earlier
     * version left, or one whose entry a rare race removed. One query over the deliveries, at start.
     */
    void listPending() {
        Query query = Query.query(where("status").is(Delivery.Status.PENDING.name()));
        query.fields().include("_id").include("leaseUntil");
        List<Document> page = new ArrayList<>();
        try (var found = mongo.stream(query, Document.class, Delivery.COLLECTION)) {
            for (var it = found.iterator(); it.hasNext(); ) {
                page.add(it.next());
                if (page.size() == 500 || !it.hasNext()) {
                    Set<String> missing = pending.unlisted(page.stream().map(d -> d.getString("_id")).toList());
                    if (!missing.isEmpty()) {
                        pending.listed(page.stream().filter(d -> missing.contains(d.getString("_id"))).toList());
                        log.info("Listed {} pending webhook deliveries the pending list did not have", missing.size());
                    }
                    page.clear();
                }
            }
        }
    }

    /**
     * One page of the sweep: takes the pending deliveries whose lease ran out (a replica stopped) and,
     * at start, those this replica held before it stopped; each is queued for its own moment. Reads
     * the pending list, not the deliveries (see {@link PendingDeliveries}), then each delivery by id;
     * only a delivery that is free is claimed, with a conditional update, which is where replicas
     * race. Entries of deliveries that are done go, entries behind their delivery's lease catch up.
     * Returns the id of the last entry looked at, or null when there are no more.
     */
    String claimAbandoned(int limit, boolean atStart, String after) {
        Instant now = clock.instant();
        List<Document> entries = pending.page(atStart ? null : now, after, limit);
        for (Document entry : entries) {
            String id = entry.getString("_id");
            Document d = mongo.findById(id, Document.class, Delivery.COLLECTION);
            if (d == null || !Delivery.Status.PENDING.name().equals(d.getString("status"))) {
                pending.forget(id, entry.getDate("leaseUntil"));
            } else if (!d.getDate("leaseUntil").toInstant().isAfter(now) || atStart && leftByEarlierRun(d.getString("leaseOwner"))) {
                claim(d, now);
            } else if (!d.getDate("leaseUntil").equals(entry.getDate("leaseUntil"))) {
                pending.caughtUp(id, d.getDate("leaseUntil"));
            }
        }
        return entries.size() < limit ? null : entries.getLast().getString("_id");
    }

    private boolean leftByEarlierRun(String owner) {
        return owner != null && owner.startsWith(name + "@") && !owner.equals(replica);
    }

    /**
     * Takes the delivery if it is still as read: its state, owner, lease and moment unchanged. Whether
     * it was free to take was decided from that read, so one condition covers both the lease that ran
     * out and the lease of this replica's earlier run; a replica that raced here first changed them.
     */
    private void claim(Document d, Instant now) {
        Instant next = d.getDate("nextAttemptAt").toInstant();
        Instant until = later(next, now).plus(lease);
        boolean taken = mongo.updateFirst(
                Query.query(where("_id").is(d.getString("_id")).and("status").is(Delivery.Status.PENDING.name())
                        .and("leaseOwner").is(d.getString("leaseOwner")).and("leaseUntil").is(d.getDate("leaseUntil"))
                        .and("nextAttemptAt").is(d.getDate("nextAttemptAt"))),
                new Update().set("leaseOwner", replica).set("leaseUntil", Date.from(until)), Delivery.COLLECTION).getModifiedCount() > 0;
        if (taken) {
            pending.leased(List.of(d.getString("_id")), until);
            due.add(d.getString("_id"), d.getString("endpointId"), next, d.get("attempts", Number.class).intValue() > 0);
        }
    }

    /**
     * The next queued delivery that is due, read from the store, or null when none became due within
     * {@code wait}. One that is no longer pending, was taken by another replica or was rescheduled
     * since it was queued is skipped.
     */
    Delivery nextDue(Duration wait) throws InterruptedException {
        DueQueue.Due next;
        while ((next = due.next(wait)) != null) {
            Document d = mongo.findById(next.id(), Document.class, Delivery.COLLECTION);
            if (d != null && Delivery.Status.PENDING.name().equals(d.getString("status")) && replica.equals(d.getString("leaseOwner"))
                    && d.getDate("nextAttemptAt").toInstant().equals(next.at())) {
                return Delivery.of(d);
            }
        }
        return null;
    }

    /** Deliveries of one endpoint queued here for later. */
    int waiting(String endpointId) {
        return due.waiting(endpointId);
    }

    /** Deliveries queued here for another attempt after a failed one. */
    long retrying() {
        return due.retries();
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
        pending.done(batch.stream().map(Success::id).toList());
    }

    @jakarta.annotation.PreDestroy
    void flushOnStop() {
        flushSuccesses();
    }

    void retryAt(Delivery delivery, Delivery.Attempt attempt, Instant next) {
        Instant at = next.truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(where("_id").is(delivery.id())), keep(at).inc("attempts", 1).push("log", attempt(attempt)),
                Delivery.COLLECTION);
        pending.leased(List.of(delivery.id()), at.plus(lease));
        due.add(delivery.id(), delivery.endpointId(), at, true);
    }

    /** Not attempted now (circuit open, receiver busy): due again later, no attempt counted. */
    void postpone(Delivery delivery, Instant next) {
        Instant at = next.truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(where("_id").is(delivery.id())), keep(at), Delivery.COLLECTION);
        pending.leased(List.of(delivery.id()), at.plus(lease));
        due.add(delivery.id(), delivery.endpointId(), at, delivery.attempts() > 0);
    }

    /** Due at {@code at}, leased to this replica until one lease after it. */
    private Update keep(Instant at) {
        return new Update().set("nextAttemptAt", Date.from(at)).set("leaseUntil", Date.from(at.plus(lease))).set("leaseOwner", replica);
    }

    void failed(String id, Delivery.Attempt attempt) {
        Update update = new Update().set("status", Delivery.Status.FAILED.name()).set("leaseUntil", Date.from(clock.instant()));
        if (attempt != null) {
            update.inc("attempts", 1).push("log", attempt(attempt));
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), update, Delivery.COLLECTION);
        pending.done(List.of(id));
    }

    /**
     * Sends a delivery again (whatever its state), keeping its id; it keeps its log. Successes still
     * waiting for their bulk write are written first, or one could mark the requeued delivery
     * delivered again right after.
     */
    boolean requeue(String endpointId, String id) {
        flushSuccesses();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Listed first: if the service stops before the delivery is pending again, the entry is one too many, never missing.
        pending.leased(List.of(id), now.plus(lease));
        boolean found = mongo.updateFirst(Query.query(where("_id").is(id).and("endpointId").is(endpointId)), requeue(now),
                Delivery.COLLECTION).getMatchedCount() > 0;
        if (found) {
            due.add(id, endpointId, now, false);
        }
        return found;
    }

    long requeueSince(String endpointId, Instant since) {
        flushSuccesses();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query query = Query.query(where("endpointId").is(endpointId).and("eventTime").gte(Date.from(since)));
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Document.class, Delivery.COLLECTION).stream().map(d -> d.getString("_id")).toList();
        long requeued = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            pending.leased(batch, now.plus(lease));
            requeued += mongo.updateMulti(Query.query(where("_id").in(batch)), requeue(now), Delivery.COLLECTION).getMatchedCount();
            batch.forEach(id -> due.add(id, endpointId, now, false));
        }
        return requeued;
    }

    private Update requeue(Instant now) {
        return keep(now).set("status", Delivery.Status.PENDING.name());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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
