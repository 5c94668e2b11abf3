package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored notifications into deliveries for every active endpoint that wants them: one
 * persisted delivery per (endpoint, event) before any call is made, so nothing accepted is lost.
 */
@Component
public class WebhookFanout {

    private final EndpointDirectory directory;
    private final DeliveryStore deliveries;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final NotificationProperties properties;
    private final JsonMapper json;

    WebhookFanout(EndpointDirectory directory, DeliveryStore deliveries, Dispatcher dispatcher, Clock clock,
            NotificationProperties properties, JsonMapper json) {
        this.directory = directory;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /** Returns how many deliveries were created. */
    public int fanOut(List<Notification> notifications) {
        Times t = times();
        List<Document> documents = new ArrayList<>();
        for (Endpoint endpoint : directory.all()) {
            if (!endpoint.active() || !endpoint.pushes()) {
                continue;
            }
            for (Notification n : notifications) {
                if (endpoint.subscription().matches(n.change())) {
                    documents.add(Delivery.newDocument(endpoint.id(), n.id(), n.change().type(), n.change().time(),
                            payload(endpoint, n), t.now(), t.lease(), t.expires()));
                }
            }
        }
        return storeAndSend(documents).size();
    }

    private record Times(Instant now, Instant lease, Instant expires) {
    }

    private Times times() {
        Instant now = clock.instant();
        return new Times(now, now.plus(properties.webhooks().lease()), now.plus(properties.retention()));
    }

    /** Persists new deliveries (duplicates of earlier ones skipped), then hands them to the dispatcher, which holds their lease. */
    private List<Document> storeAndSend(List<Document> documents) {
        List<Document> created = deliveries.insertNew(documents);
        dispatcher.dispatch(created.stream().map(Delivery::of).toList());
        return created;
    }

    /**
     * A notificatie another system published through the Notificaties API: a persisted delivery for
     * every abonnement whose kanaal and filters it matches, before this returns (so what was accepted
     * is delivered, with the same retries, even if this replica stops now). Returns how many.
     */
    public int publish(String id, Kanalen.Notificatie notificatie) {
        Times t = times();
        String payload = json.writeValueAsString(notificatie);
        Map<String, String> kenmerken = notificatie.kenmerken() == null ? Map.of() : notificatie.kenmerken();
        List<Document> documents = new ArrayList<>();
        for (Endpoint endpoint : directory.all()) {
            if (endpoint.active() && endpoint.pushes() && endpoint.format() == Endpoint.Format.NOTIFICATIE
                    && endpoint.subscription().matchesNotificatie(notificatie.kanaal(), kenmerken)) {
                documents.add(Delivery.newDocument(endpoint.id(), id, "notificatie." + notificatie.kanaal(), notificatie.aanmaakdatum(),
                        payload, t.now(), t.lease(), t.expires()));
            }
        }
        storeAndSend(documents);
        return documents.size();
    }

    String payload(Endpoint endpoint, Notification n) {
        if (endpoint.format() == Endpoint.Format.NOTIFICATIE) {
            return json.writeValueAsString(Kanalen.notificatie(n.change(), properties.platformUrl()));
        }
        return n.event();
    }
}
