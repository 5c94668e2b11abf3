package nl.mantelzorgthuis.notificationservice.support;

import java.time.Instant;
import java.util.UUID;

import nl.mantelzorgthuis.testsupport.EventContracts;
import nl.mantelzorgthuis.testsupport.EventPublisher;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes events as the other services do (structured JSON CloudEvents keyed by aggregate id),
 * built from the contract examples in contracts/events with the fields a test needs changed.
 */
public final class DomainEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.Map<String, String> EXAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ObjectNode example(String path) {
        return (ObjectNode) JSON.readTree(EXAMPLES.computeIfAbsent(path, EventContracts::read));
    }
    private final EventPublisher publisher;

    public DomainEvents(String bootstrapServers) {
        publisher = new EventPublisher(bootstrapServers);
    }

    /** An experiment event of the given type for an experiment in a practice; returns the CloudEvent JSON. */
    public static String experiment(String type, String experimentId, String practiceId, String title, String status) {
        ObjectNode event = example("experiment/examples/experiment-status-changed.json");
        event.put("id", UUID.randomUUID().toString()).put("type", "nl.mantelzorgthuis.experiment." + type + ".v1")
                .put("subject", experimentId).put("practiceid", practiceId).put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", experimentId).put("practiceId", practiceId).put("title", title).put("status", status);
        return event.toString();
    }

    public static String practice(String practiceId, String name, String cbsCode) {
        ObjectNode event = example("practice/examples/practice-created.json");
        event.put("id", UUID.randomUUID().toString()).put("subject", practiceId).put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", practiceId).put("name", name);
        ((ObjectNode) data.get("municipalities").get(0)).put("cbsCode", cbsCode);
        return event.toString();
    }

    public static String service(String serviceId, String name, String cbsCode, String term) {
        ObjectNode event = example("socialmap/examples/service-created.json");
        event.put("id", UUID.randomUUID().toString()).put("subject", serviceId).put("municipality", cbsCode)
                .put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", serviceId).put("name", name);
        data.putArray("serviceAreas").add(cbsCode);
        data.putArray("taxonomyTerms").add(term);
        return event.toString();
    }

    public void publish(String topic, String key, String value) {
        publisher.send(topic, key, value);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
