package nl.mantelzorgthuis.practiceservice.practice;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeChange;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a practice change into its CloudEvent (contract: contracts/events/practice). The data is the
 * whole practice after the change, so consumers can keep a read model without calling back.
 */
@Component
public class PracticeEvents {

    public static final URI SOURCE = URI.create("urn:nld:mantelzorgthuis:practice-service");
    public static final URI DATA_SCHEMA = URI.create("urn:nld:mantelzorgthuis:schema:practice-event:v1");
    public static final String TYPE_PREFIX = "nl.mantelzorgthuis.practice.";

    private final JsonMapper json;

    PracticeEvents(JsonMapper json) {
        this.json = json;
    }

    public static String type(PracticeChange change) {
        return TYPE_PREFIX + change.name().toLowerCase(Locale.ROOT) + ".v1";
    }

    public OutboxEntry of(PracticeChange change, Practice practice) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(type(change))
                .withSubject(practice.id())
                .withTime(practice.updatedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(DATA_SCHEMA)
                .withExtension("aggregateversion", Math.toIntExact(practice.version()))
                .withData(json.writeValueAsBytes(practice))
                .build();
        return new OutboxEntry(id, event.getType(), practice.updatedAt(), OutboxRelay.serialise(event));
    }
}
