package nl.mantelzorgthuis.experimentservice.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.mantelzorgthuis.testsupport.EventPublisher;

/**
 * Publishes practice events on the real broker exactly as practice-service does (structured JSON
 * CloudEvents per contracts/events/practice), so the service under test builds its directory the
 * way it does in production.
 */
public final class PracticeFeed implements AutoCloseable {

    public static final String TOPIC = "practice-events";
    private final EventPublisher publisher;

    public PracticeFeed(String bootstrapServers) {
        publisher = new EventPublisher(bootstrapServers);
    }

    /** A practice as practice-service describes it in its events. */
    public record Practice(String id, String name, List<String> organisations, List<String> municipalities) {

        public static Practice accelerator(String name, List<String> organisations, String cbsCode) {
            return new Practice(UUID.randomUUID().toString(), name, organisations, List.of(cbsCode));
        }
    }

    /** Publishes {@code created}, {@code updated} or {@code archived} at {@code version}; returns the event id. */
    public String publish(Practice practice, String change, long version) {
        String eventId = UUID.randomUUID().toString();
        send(practice.id(), event(eventId, practice, change, version));
        return eventId;
    }

    public void send(String key, String value) {
        publisher.send(TOPIC, key, value);
    }

    public static String event(String eventId, Practice practice, String change, long version) {
        String organisations = practice.organisations().stream()
                .map(o -> "{\"name\":\"" + o + "\",\"type\":\"WELFARE\"}").collect(Collectors.joining(","));
        String municipalities = practice.municipalities().stream()
                .map(m -> "{\"cbsCode\":\"" + m + "\",\"name\":\"Gemeente " + m + "\"}").collect(Collectors.joining(","));
        String now = Instant.now().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"urn:nld:mantelzorgthuis:practice-service",
                 "type":"nl.mantelzorgthuis.practice.%s.v1","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","dataschema":"urn:nld:mantelzorgthuis:schema:practice-event:v1",
                 "aggregateversion":%d,
                 "data":{"id":"%s","version":%d,"name":"%s","kind":"PRACTICE_ACCELERATOR","region":"Regio",
                   "municipalities":[%s],"organisations":[%s],"designQuestions":[],"centralQuestions":[],
                   "status":"%s","contacts":[],"lessonsLearned":[],"createdAt":"%s","updatedAt":"%s"}}
                """.formatted(eventId, change, practice.id(), now, version, practice.id(), version, practice.name(),
                municipalities, organisations, change.equals("archived") ? "ARCHIVED" : "ACTIVE", now, now);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
