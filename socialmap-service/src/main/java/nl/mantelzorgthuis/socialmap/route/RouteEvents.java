package nl.mantelzorgthuis.socialmap.route;

import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import nl.mantelzorgthuis.socialmap.offer.OfferEvents;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a change of a municipality's respite-care route into its CloudEvent, on the social map's topic. */
@Component
class RouteEvents {

    private static final java.net.URI SOURCE = OfferEvents.SOURCE;
    private static final java.net.URI DATA_SCHEMA = OfferEvents.DATA_SCHEMA;

    private final JsonMapper json;

    RouteEvents(JsonMapper json) {
        this.json = json;
    }

    public static final String ROUTE_TYPE = "nl.mantelzorgthuis.socialmap.respite-route.changed.v1";

    /** A municipality's respite-care route changed; keyed by the municipality's CBS code. */
    OutboxEntry of(RespiteRoute route) {
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
        return new OutboxEntry(id, event.getType(), route.updatedAt(), OutboxRelay.serialise(event));
    }
}
