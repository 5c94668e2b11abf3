package nl.mantelzorgthuis.experimentservice.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mantelzorgthuis.experimentservice.experiment.Experiments;
import nl.mantelzorgthuis.experimentservice.experiment.domain.PracticeRef;
import nl.mantelzorgthuis.experimentservice.practice.PracticeDirectory;
import nl.mantelzorgthuis.starter.consumer.MalformedEvent;
import nl.mantelzorgthuis.starter.consumer.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the practice directory current from practice-service's events (contract:
 * contracts/events/practice). At least once, deduplicated by event id, newest aggregate version
 * wins; an event that cannot be read goes to the dead-letter topic (the starter's consumer error handler)
 * and the partition moves on. When a practice is archived its unfinished experiments are stopped.
 */
@Component
class PracticeEventsListener {

    static final String CONSUMER = "experiment-service/practice-events";
    private static final String TYPE_PREFIX = "nl.mantelzorgthuis.practice.";
    private static final List<String> TYPES = List.of(TYPE_PREFIX + "created.v1", TYPE_PREFIX + "updated.v1",
            TYPE_PREFIX + "archived.v1");
    private static final Logger log = LoggerFactory.getLogger(PracticeEventsListener.class);
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final PracticeDirectory directory;
    private final Experiments experiments;
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter duplicates;

    PracticeEventsListener(PracticeDirectory directory, Experiments experiments, ProcessedEvents processed, JsonMapper json,
            MeterRegistry meters) {
        this.directory = directory;
        this.experiments = experiments;
        this.processed = processed;
        this.json = json;
        this.applied = Counter.builder("practice.events.applied").description("Practice events applied to the directory").register(meters);
        this.duplicates = Counter.builder("practice.events.duplicates").description("Practice events seen before and skipped").register(meters);
    }

    @KafkaListener(topics = "${experiment.practice-events.topic:practice-events}", groupId = "${experiment.practice-events.group:experiment-service}")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = parse(record.value());
        PracticeState state = read(event);
        if (!processed.claim(CONSUMER, event.getId())) {
            duplicates.increment();
            log.debug("Skipping practice event {} seen before", event.getId());
            return;
        }
        if (directory.apply(state.practice(), state.version())) {
            applied.increment();
        }
        // From the directory's state, not only when this event was news: a redelivery after a failure
        // between the two steps completes what the first delivery left undone (it is idempotent).
        directory.find(state.practice().id()).ifPresent(experiments::practiceChanged);
        processed.done(CONSUMER, event.getId());
    }

    private record PracticeState(PracticeRef practice, long version) {
    }

    private static CloudEvent parse(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEvent("empty message");
        }
        try {
            return FORMAT.deserialize(value.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedEvent("not a structured JSON CloudEvent: " + e.getMessage(), e);
        }
    }

    private PracticeState read(CloudEvent event) {
        if (!TYPES.contains(event.getType())) {
            throw new MalformedEvent("unknown event type " + event.getType());
        }
        if (event.getData() == null) {
            throw new MalformedEvent("event " + event.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(event.getData().toBytes());
        } catch (RuntimeException e) {
            throw new MalformedEvent("data of event " + event.getId() + " is not JSON", e);
        }
        String id = text(data, "id");
        String name = text(data, "name");
        String status = text(data, "status");
        if (id == null || name == null || status == null) {
            throw new MalformedEvent("data of event " + event.getId() + " lacks id, name or status");
        }
        if (event.getSubject() != null && !event.getSubject().equals(id)) {
            throw new MalformedEvent("subject " + event.getSubject() + " is not the practice id " + id);
        }
        List<String> organisations = new ArrayList<>();
        data.path("organisations").forEach(o -> {
            if (o.hasNonNull("name")) {
                organisations.add(o.get("name").asString());
            }
        });
        List<String> municipalities = new ArrayList<>();
        data.path("municipalities").forEach(m -> {
            if (m.hasNonNull("cbsCode")) {
                municipalities.add(m.get("cbsCode").asString());
            }
        });
        return new PracticeState(new PracticeRef(id, name, "ARCHIVED".equals(status), organisations, municipalities),
                version(event, data));
    }

    private static long version(CloudEvent event, JsonNode data) {
        Object extension = event.getExtension("aggregateversion");
        try {
            if (extension instanceof Number number) {
                return number.longValue();
            }
            if (extension != null) {
                return Long.parseLong(extension.toString());
            }
        } catch (NumberFormatException e) {
            throw new MalformedEvent("aggregateversion '" + extension + "' is not a number");
        }
        if (data.path("version").isIntegralNumber()) {
            return data.get("version").asLong();
        }
        throw new MalformedEvent("event " + event.getId() + " has no aggregateversion");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isString() ? null : value.asString();
    }
}
