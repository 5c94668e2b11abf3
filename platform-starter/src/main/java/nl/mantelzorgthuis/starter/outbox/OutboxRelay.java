package nl.mantelzorgthuis.starter.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents, in order per aggregate, and removes each one
 * only after Kafka acknowledged it. If Kafka is down the events wait and go out when it is back; a
 * crash between acknowledgement and removal republishes the same event id, which consumers
 * deduplicate. One thread: order per key is what matters, and the volume is modest.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final OutboxProperties properties;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private final Map<String, AtomicLong> pending = new LinkedHashMap<>();
    private final Counter published;
    private final Counter failures;
    private final Counter parkedTotal;
    private final Map<String, AtomicLong> parkedGauges = new LinkedHashMap<>();
    private volatile boolean kafkaDown;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties properties,
            MeterRegistry meters) {
        if (properties.topic() == null || properties.topic().isBlank()) {
            throw new IllegalStateException("platform.outbox.topic is required when platform.outbox.collections is set");
        }
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        this.published = Counter.builder("outbox.events.published").description("Events handed to Kafka").register(meters);
        this.failures = Counter.builder("outbox.publish.failures").description("Failed publish attempts").register(meters);
        this.parkedTotal = Counter.builder("outbox.events.parked").description("Events parked after a permanent publish failure")
                .register(meters);
        for (String collection : properties.collections()) {
            AtomicLong parked = new AtomicLong();
            parkedGauges.put(collection, parked);
            Gauge.builder("outbox.parked", parked, AtomicLong::get).tag("collection", collection)
                    .description("Documents whose events wait behind a parked event").register(meters);
            AtomicLong waiting = new AtomicLong();
            pending.put(collection, waiting);
            Gauge.builder("outbox.pending", waiting, AtomicLong::get).tag("collection", collection)
                    .description("Documents with events not yet on Kafka").register(meters);
        }
    }

    /** Parses a stored structured CloudEvent (what {@link OutboxEntry#cloudEvent()} holds). */
    public static CloudEvent parse(String structured) {
        return FORMAT.deserialize(structured.getBytes(StandardCharsets.UTF_8));
    }

    /** Serialises a CloudEvent in the structured JSON form the outbox keeps. */
    public static String serialise(CloudEvent event) {
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        running = true;
        long millis = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeRelay, 0, millis, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::countParked, 0, 1, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a pass soon, so a write's event does not wait for the next poll. */
    public void wakeUp() {
        if (running && wakeUpQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpQueued.set(false);
                safeRelay();
            });
        }
    }

    private void safeRelay() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed, will retry: {}", e.toString());
        }
    }

    /** One pass over the documents with waiting events, collection by collection; returns how many events went out. */
    public int relayOnce() {
        int sent = 0;
        for (String collection : properties.collections()) {
            Pass pass = relayOnce(collection);
            sent += pass.sent();
            pending.get(collection).set(pass.waitingDocuments());
            if (pass.kafkaRefused()) {
                break; // try again on the next pass
            }
        }
        return sent;
    }

    private record Pass(int sent, int waitingDocuments, boolean kafkaRefused) {
    }

    private Pass relayOnce(String collection) {
        // A document whose first event was parked waits for an operator; every other one flows on.
        Query waiting = Query.query(where(OutboxEntry.FLAG_FIELD).is(true).and(OutboxEntry.PARKED_FIELD).exists(false))
                .limit(properties.batchSize());
        waiting.fields().include("_id").include(OutboxEntry.PENDING_FIELD);
        List<Document> docs = mongo.find(waiting, Document.class, collection);
        int sent = 0;
        for (Document doc : docs) {
            Object key = doc.get("_id");
            List<Document> events = doc.getList(OutboxEntry.PENDING_FIELD, Document.class, List.of());
            boolean parked = false;
            for (Document raw : events) {
                OutboxEntry entry = OutboxEntry.from(raw);
                Outcome outcome = publish(String.valueOf(key), entry);
                if (outcome instanceof Outcome.Retry) {
                    return new Pass(sent, docs.size(), true);
                }
                if (outcome instanceof Outcome.Park park) {
                    park(collection, key, entry, park.reason());
                    parked = true;
                    break;
                }
                mongo.updateFirst(Query.query(where("_id").is(key)),
                        new Update().pull(OutboxEntry.PENDING_FIELD, new Document("eventId", entry.eventId())), collection);
                sent++;
            }
            if (parked) {
                continue;
            }
            // Clear the flag only if no new event arrived meanwhile.
            mongo.updateFirst(Query.query(where("_id").is(key).and(OutboxEntry.PENDING_FIELD).size(0)),
                    new Update().set(OutboxEntry.FLAG_FIELD, false), collection);
        }
        return new Pass(sent, docs.size(), false);
    }

    /** What became of one publish: sent, try again later (broker away), or park (it can never be sent as it is). */
    sealed interface Outcome {
        record Sent() implements Outcome {
        }

        record Retry() implements Outcome {
        }

        record Park(String reason) implements Outcome {
        }
    }

    private Outcome publish(String key, OutboxEntry entry) {
        int size = entry.cloudEvent().getBytes(StandardCharsets.UTF_8).length;
        if (size > properties.maxEventBytes()) {
            return new Outcome.Park("the event is " + size + " bytes, more than platform.outbox.max-event-bytes ("
                    + properties.maxEventBytes() + ")");
        }
        CloudEvent event;
        try {
            event = parse(entry.cloudEvent());
        } catch (RuntimeException e) {
            return new Outcome.Park("the stored event is not a structured CloudEvent: " + e.getMessage());
        }
        try {
            kafka.send(properties.topic(), key, event).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment();
            if (kafkaDown) {
                kafkaDown = false;
                log.info("Kafka reachable again; publishing waiting events");
            }
            return new Outcome.Sent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry();
        } catch (Exception e) {
            failures.increment();
            String permanent = permanentFailure(e);
            if (permanent != null) {
                return new Outcome.Park(permanent);
            }
            if (!kafkaDown) {
                kafkaDown = true;
                log.warn("Could not publish event {} ({}); it stays in the outbox and is retried: {}",
                        entry.eventId(), entry.type(), e.toString());
            }
            return new Outcome.Retry();
        }
    }

    /**
     * The reason when the broker refused this event for good (too large, not serialisable, topic or
     * authorisation refused: a non-retriable Kafka error), null when trying again later may work.
     */
    static String permanentFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.SerializationException
                    || (cause instanceof org.apache.kafka.common.errors.ApiException
                            && !(cause instanceof org.apache.kafka.common.errors.RetriableException))) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return null;
    }

    private void park(String collection, Object key, OutboxEntry entry, String reason) {
        parkedTotal.increment();
        log.error("Parked event {} ({}) of {} {}: {}. Later events of this {} wait behind it; the others go on. "
                + "Fix the cause, then retry it: POST /actuator/outbox", entry.eventId(), entry.type(), collection, key, reason,
                collection);
        mongo.updateFirst(Query.query(where("_id").is(key)), new Update().set(OutboxEntry.PARKED_FIELD,
                new Document("eventId", entry.eventId()).append("type", entry.type()).append("reason", reason)
                        .append("parkedAt", new java.util.Date())), collection);
        countParked();
    }

    /** A parked event and the document it waits in. */
    public record ParkedEvent(String collection, String id, String eventId, String type, String reason, java.time.Instant parkedAt) {
    }

    /** Every parked event, for operators. */
    public List<ParkedEvent> parked() {
        List<ParkedEvent> all = new java.util.ArrayList<>();
        for (String collection : properties.collections()) {
            Query query = Query.query(where(OutboxEntry.PARKED_FIELD).exists(true));
            query.fields().include("_id").include(OutboxEntry.PARKED_FIELD);
            query.cursorBatchSize(500);
            for (Document doc : mongo.find(query, Document.class, collection)) {
                Document p = doc.get(OutboxEntry.PARKED_FIELD, Document.class);
                all.add(new ParkedEvent(collection, String.valueOf(doc.get("_id")), p.getString("eventId"), p.getString("type"),
                        p.getString("reason"), p.getDate("parkedAt").toInstant()));
            }
            parkedGauges.get(collection).set(all.stream().filter(e -> e.collection().equals(collection)).count());
        }
        return all;
    }

    /** Sends parked events again (all, or one document's), in order with what waited behind them. */
    public int retryParked(String collection, String id) {
        int retried = 0;
        for (String c : properties.collections()) {
            if (collection != null && !collection.equals(c)) {
                continue;
            }
            var criteria = where(OutboxEntry.PARKED_FIELD).exists(true);
            if (id != null) {
                criteria = criteria.and("_id").is(id);
            }
            retried += (int) mongo.updateMulti(Query.query(criteria),
                    new Update().unset(OutboxEntry.PARKED_FIELD).set(OutboxEntry.FLAG_FIELD, true), c).getModifiedCount();
        }
        log.info("Retrying {} parked event(s)", retried);
        countParked();
        wakeUp();
        return retried;
    }

    private void countParked() {
        try {
            parked();
        } catch (RuntimeException e) {
            log.debug("Could not count parked events: {}", e.toString());
        }
    }
}
