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
        for (String collection : properties.collections()) {
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
        Query waiting = Query.query(where(OutboxEntry.FLAG_FIELD).is(true)).limit(properties.batchSize());
        waiting.fields().include("_id").include(OutboxEntry.PENDING_FIELD);
        List<Document> docs = mongo.find(waiting, Document.class, collection);
        int sent = 0;
        for (Document doc : docs) {
            Object key = doc.get("_id");
            List<Document> events = doc.getList(OutboxEntry.PENDING_FIELD, Document.class, List.of());
            for (Document raw : events) {
                OutboxEntry entry = OutboxEntry.from(raw);
                if (!publish(String.valueOf(key), entry)) {
                    return new Pass(sent, docs.size(), true);
                }
                mongo.updateFirst(Query.query(where("_id").is(key)),
                        new Update().pull(OutboxEntry.PENDING_FIELD, new Document("eventId", entry.eventId())), collection);
                sent++;
            }
            // Clear the flag only if no new event arrived meanwhile.
            mongo.updateFirst(Query.query(where("_id").is(key).and(OutboxEntry.PENDING_FIELD).size(0)),
                    new Update().set(OutboxEntry.FLAG_FIELD, false), collection);
        }
        return new Pass(sent, docs.size(), false);
    }

    private boolean publish(String key, OutboxEntry entry) {
        try {
            kafka.send(properties.topic(), key, parse(entry.cloudEvent()))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment();
            if (kafkaDown) {
                kafkaDown = false;
                log.info("Kafka reachable again; publishing waiting events");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            failures.increment();
            if (!kafkaDown) {
                kafkaDown = true;
                log.warn("Could not publish event {} ({}); it stays in the outbox and is retried: {}",
                        entry.eventId(), entry.type(), e.toString());
            }
            return false;
        }
    }
}
