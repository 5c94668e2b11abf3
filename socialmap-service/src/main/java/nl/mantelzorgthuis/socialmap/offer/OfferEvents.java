package nl.mantelzorgthuis.socialmap.offer;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a change of a social-map entry into its CloudEvent. The data is the whole entry after the
 * change: every replica keeps its search index current from these events, and so can any consumer.
 */
@Component
public class OfferEvents {

    public static final URI SOURCE = URI.create("urn:nld:mantelzorgthuis:socialmap-service");
    public static final URI DATA_SCHEMA = URI.create("urn:nld:mantelzorgthuis:schema:socialmap-event:v1");
    public static final String TYPE_PREFIX = "nl.mantelzorgthuis.socialmap.service.";

    private final JsonMapper json;

    OfferEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEntry of(OfferChange change, Offer entry) {
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
        return new OutboxEntry(id, event.getType(), entry.updatedAt(), OutboxRelay.serialise(event));
    }

}
