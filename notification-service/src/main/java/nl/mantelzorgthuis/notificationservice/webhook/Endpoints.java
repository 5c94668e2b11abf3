package nl.mantelzorgthuis.notificationservice.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.access.InvalidInput;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.notice.NotificationStore;
import nl.mantelzorgthuis.notificationservice.webhook.domain.Subscription;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Registering and managing endpoints (webhooks and ZGW abonnementen). An endpoint belongs to the
 * token subject that registered it; only they and coordinators see or change it.
 */
@Service
public class Endpoints {

    private static final int REPLAY_LIMIT = 50_000;

    private final EndpointStore store;
    private final EndpointDirectory directory;
    private final DeliveryStore deliveries;
    private final NotificationStore notifications;
    private final WebhookFanout fanout;
    private final OutboundHttp http;
    private final Clock clock;
    private final NotificationProperties properties;

    Endpoints(EndpointStore store, EndpointDirectory directory, DeliveryStore deliveries, NotificationStore notifications,
            WebhookFanout fanout, OutboundHttp http, Clock clock, NotificationProperties properties) {
        this.store = store;
        this.directory = directory;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.fanout = fanout;
        this.http = http;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new endpoint with its first signing secret (the only time the secret is shown, with rotations). */
    public Endpoint register(Caller caller, String name, String url, Endpoint.Format format, Subscription subscription, String nrcAuth) {
        if (!caller.maySubscribeSystems()) {
            throw new NotAllowed("Only coordinators, organisation staff and municipal or organisation systems subscribe systems");
        }
        checkUrl(url, format == Endpoint.Format.NOTIFICATIE ? "callbackUrl" : "url");
        Instant now = clock.instant();
        Endpoint endpoint = new Endpoint(UUID.randomUUID().toString(), caller.subject(), caller.name(), caller.tenant(),
                name == null || name.isBlank() ? url : name, url, format, subscription,
                List.of(new Endpoint.Secret(Signatures.newSecret(), now, null)), nrcAuth, Endpoint.Status.ACTIVE, null, null,
                null, now, now);
        store.save(endpoint);
        directory.changed(endpoint);
        return endpoint;
    }

    public Endpoint replace(Caller caller, String id, Endpoint.Format format, String name, String url, Subscription subscription,
            String nrcAuth) {
        Endpoint current = get(caller, id, format);
        checkUrl(url, format == Endpoint.Format.NOTIFICATIE ? "callbackUrl" : "url");
        Endpoint changed = current.replaced(name, url, subscription, nrcAuth, clock.instant());
        store.save(changed);
        directory.changed(changed);
        return changed;
    }

    private void checkUrl(String url, String field) {
        if (url == null) {
            return; // a pull-only subscription
        }
        String refusal = http.refusal(url);
        if (refusal != null) {
            throw new InvalidInput(field, refusal);
        }
    }

    public List<Endpoint> list(Caller caller, Endpoint.Format format) {
        return directory.all().stream().filter(e -> e.format() == format)
                .filter(e -> caller.coordinator() || e.owner().equals(caller.subject()))
                .sorted(java.util.Comparator.comparing(Endpoint::createdAt)).toList();
    }

    public Endpoint get(Caller caller, String id, Endpoint.Format format) {
        Endpoint endpoint = store.find(id);
        if (endpoint == null || endpoint.format() != format) {
            throw new NotFound("No such " + (format == Endpoint.Format.NOTIFICATIE ? "abonnement" : "webhook endpoint"));
        }
        if (!caller.coordinator() && !endpoint.owner().equals(caller.subject())) {
            throw new NotAllowed("This endpoint belongs to another system");
        }
        return endpoint;
    }

    public void delete(Caller caller, String id, Endpoint.Format format) {
        get(caller, id, format);
        store.delete(id);
        directory.removed(id);
    }

    /** Enables a disabled endpoint again; it starts with a clean record. */
    public Endpoint enable(Caller caller, String id) {
        Endpoint enabled = get(caller, id, Endpoint.Format.CLOUDEVENTS).enabled(clock.instant());
        store.save(enabled);
        directory.changed(enabled);
        return enabled;
    }

    /**
     * A new signing secret; the previous ones keep signing for the grace period, so a receiver can
     * switch to the new secret without missing a message.
     */
    public Endpoint rotateSecret(Caller caller, String id) {
        Endpoint e = get(caller, id, Endpoint.Format.CLOUDEVENTS);
        Instant now = clock.instant();
        Instant graceEnd = now.plus(properties.webhooks().secretGracePeriod());
        List<Endpoint.Secret> secrets = new ArrayList<>();
        secrets.add(new Endpoint.Secret(Signatures.newSecret(), now, null));
        e.secrets().stream().filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now))
                .map(s -> new Endpoint.Secret(s.value(), s.createdAt(), s.expiresAt() == null || s.expiresAt().isAfter(graceEnd)
                        ? graceEnd : s.expiresAt()))
                .forEach(secrets::add);
        Endpoint rotated = e.withSecrets(secrets, now);
        store.save(rotated);
        directory.changed(rotated);
        return rotated;
    }

    public List<Delivery> deliveries(Caller caller, String id, Endpoint.Format format, String status, int page, int pageSize) {
        get(caller, id, format);
        return deliveries.log(id, status, page, pageSize);
    }

    public Delivery delivery(Caller caller, String id, Endpoint.Format format, String deliveryId) {
        get(caller, id, format);
        Delivery delivery = deliveries.find(id, deliveryId);
        if (delivery == null) {
            throw new NotFound("No such delivery for this endpoint");
        }
        return delivery;
    }

    public void redeliver(Caller caller, String id, Endpoint.Format format, String deliveryId) {
        get(caller, id, format);
        if (!deliveries.requeue(id, deliveryId)) {
            throw new NotFound("No such delivery for this endpoint");
        }
    }

    /**
     * Sends everything since a moment again: deliveries that exist keep their ids; events the
     * endpoint missed (it was disabled, or registered later) get deliveries now.
     */
    public long replay(Caller caller, String id, Instant since) {
        Endpoint endpoint = get(caller, id, Endpoint.Format.CLOUDEVENTS);
        if (since.isBefore(clock.instant().minus(properties.retention()))) {
            throw new InvalidInput("since", "lies before the retention of " + properties.retention().toDays() + " days");
        }
        if (!endpoint.active() || !endpoint.pushes()) {
            throw new InvalidInput("since", "the endpoint is disabled or has no URL; enable it first");
        }
        Instant now = clock.instant();
        List<Notification> missed = notifications.find(Query.query(where("time").gte(Date.from(since)).and("event").ne(null))
                .with(Sort.by("time")).limit(REPLAY_LIMIT));
        List<Document> documents = missed.stream().filter(n -> endpoint.subscription().matches(n.change()))
                .map(n -> Delivery.newDocument(endpoint.id(), n.id(), n.change().type(), n.change().time(),
                        fanout.payload(endpoint, n), now, now, now.plus(properties.retention())))
                .toList();
        deliveries.insertNew(documents);
        return deliveries.requeueSince(endpoint.id(), since);
    }

    /** The pull feed of a subscription: what it would have received, after a position, oldest first. */
    public record FeedPage(List<Notification> items, long next) {
    }

    public FeedPage feed(Caller caller, String id, Endpoint.Format format, long since, int limit) {
        Endpoint endpoint = get(caller, id, format);
        List<Notification> page = new ArrayList<>();
        long cursor = since;
        // Filters are applied here, not in the query: read on until the page is full or the feed ends.
        for (int round = 0; round < 20 && page.size() < limit; round++) {
            List<Notification> batch = notifications.after(cursor, where("event").ne(null), 500);
            for (Notification n : batch) {
                cursor = n.seq();
                if (endpoint.subscription().matches(n.change())) {
                    page.add(n);
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < 500) {
                break;
            }
        }
        return new FeedPage(page, cursor);
    }
}
