package nl.mantelzorgthuis.notificationservice.support;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import nl.mantelzorgthuis.testsupport.EventContracts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
    private final KafkaProducer<String, String> producer;

    public DomainEvents(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
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

    public static String withId(String event, String id) {
        ObjectNode node = (ObjectNode) JSON.readTree(event);
        node.put("id", id);
        return node.toString();
    }

    public static String id(String event) {
        return JSON.readTree(event).get("id").asString();
    }

    public static Map<String, Object> asMap(String json) {
        return JSON.readValue(json, Map.class);
    }

    public void publish(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
