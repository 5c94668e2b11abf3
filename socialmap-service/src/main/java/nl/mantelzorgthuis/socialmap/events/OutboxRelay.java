package nl.mantelzorgthuis.socialmap.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import nl.mantelzorgthuis.socialmap.service.ServiceStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in service documents, in order per service, and removes each one
 * only after Kafka acknowledged it. If Kafka is down the events wait and go out when it is back; a
 * crash between acknowledgement and removal republishes the same event id, which consumers
 * deduplicate. One thread: order per key is what matters, and the volume is modest.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final OutboxProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean kafkaDown;

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("outbox.events.published").description("Events handed to Kafka").register(meters);
        this.failures = Counter.builder("outbox.publish.failures").description("Failed publish attempts").register(meters);
        Gauge.builder("outbox.services.pending", pending, AtomicLong::get)
                .description("Services with events not yet on Kafka").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeRelay, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass soon, so a write's event does not wait for the next poll. */
    public void wakeUp() {
        if (wakeUpQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpQueued.set(false);
                safeRelay();
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void safeRelay() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed, will retry: {}", e.toString());
        }
    }

    /** The collections whose documents carry an outbox: entries and respite routes. */
    static final List<String> COLLECTIONS = List.of(ServiceStore.COLLECTION, nl.mantelzorgthuis.socialmap.route.RouteStore.COLLECTION);

    /** One pass over the documents with waiting events; returns how many events went out. */
    int relayOnce() {
        int sent = 0;
        long waitingDocuments = 0;
        for (String collection : COLLECTIONS) {
            int[] counts = relayOnce(collection);
            sent += counts[0];
            waitingDocuments += counts[1];
            if (counts[2] == 1) {
                break; // Kafka refused: try again on the next pass
            }
        }
        pending.set(waitingDocuments);
        return sent;
    }

    /** Returns {events sent, documents waiting, 1 if Kafka refused}. */
    private int[] relayOnce(String collection) {
        Query waiting = Query.query(where(OutboxEntry.FLAG_FIELD).is(true)).limit(properties.batchSize());
        waiting.fields().include("_id").include(OutboxEntry.PENDING_FIELD);
        List<Document> docs = mongo.find(waiting, Document.class, collection);
        int sent = 0;
        for (Document doc : docs) {
            String key = doc.getString("_id");
            List<Document> events = doc.getList(OutboxEntry.PENDING_FIELD, Document.class, List.of());
            for (Document raw : events) {
                OutboxEntry entry = OutboxEntry.from(raw);
                if (!publish(key, entry)) {
                    return new int[] {sent, docs.size(), 1};
                }
                mongo.updateFirst(Query.query(where("_id").is(key)),
                        new Update().pull(OutboxEntry.PENDING_FIELD, new Document("eventId", entry.eventId())), collection);
                sent++;
            }
            // Clear the flag only if no new event arrived meanwhile.
            mongo.updateFirst(Query.query(where("_id").is(key).and(OutboxEntry.PENDING_FIELD).size(0)),
                    new Update().set(OutboxEntry.FLAG_FIELD, false), collection);
        }
        return new int[] {sent, docs.size(), 0};
    }

    private boolean publish(String key, OutboxEntry entry) {
        try {
            kafka.send(properties.topic(), key, ServiceEvents.parse(entry.cloudEvent()))
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
