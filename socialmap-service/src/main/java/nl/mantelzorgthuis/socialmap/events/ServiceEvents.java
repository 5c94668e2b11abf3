package nl.mantelzorgthuis.socialmap.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.mantelzorgthuis.socialmap.service.domain.ServiceEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a change of a social-map entry into its CloudEvent. The data is the whole entry after the
 * change: every replica keeps its search index current from these events, and so can any consumer.
 */
@Component
public class ServiceEvents {

    public static final URI SOURCE = URI.create("urn:nl:mantelzorgthuis:socialmap-service");
    public static final URI DATA_SCHEMA = URI.create("urn:nl:mantelzorgthuis:schema:socialmap-event:v1");
    public static final String TYPE_PREFIX = "nl.mantelzorgthuis.socialmap.service.";

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final JsonMapper json;

    ServiceEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEntry of(ServiceChange change, ServiceEntry entry) {
        String id = UUID.randomUUID().toString();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(change.type())
                .withSubject(entry.id())
                .withTime(entry.updatedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(DATA_SCHEMA)
                .withExtension("aggregateversion", Math.toIntExact(entry.version()))
                .withData(json.writeValueAsBytes(entry));
        if (!entry.serviceAreas().isEmpty()) {
            // For routing and filtering by municipality without reading the data.
            builder.withExtension("municipality", String.join(" ", entry.serviceAreas()));
        }
        CloudEvent event = builder.build();
        return new OutboxEntry(id, event.getType(), entry.updatedAt(), new String(FORMAT.serialize(event), StandardCharsets.UTF_8));
    }

    public static final String ROUTE_TYPE = "nl.mantelzorgthuis.socialmap.respite-route.changed.v1";

    /** A municipality's respite-care route changed; keyed by the municipality's CBS code. */
    public OutboxEntry ofRoute(nl.mantelzorgthuis.socialmap.route.RespiteRoute route) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(ROUTE_TYPE)
                .withSubject(route.municipality())
                .withTime(route.updatedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(DATA_SCHEMA)
                .withExtension("aggregateversion", Math.toIntExact(route.version()))
                .withExtension("municipality", route.municipality())
                .withData(json.writeValueAsBytes(route))
                .build();
        return new OutboxEntry(id, event.getType(), route.updatedAt(), new String(FORMAT.serialize(event), StandardCharsets.UTF_8));
    }

    static CloudEvent parse(String structured) {
        return FORMAT.deserialize(structured.getBytes(StandardCharsets.UTF_8));
    }
}
