package nl.mantelzorgthuis.notificationservice.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.inbox.Person;
import nl.mantelzorgthuis.notificationservice.inbox.PersonDirectory;
import nl.mantelzorgthuis.notificationservice.mail.MailQueue;
import nl.mantelzorgthuis.notificationservice.notice.domain.Links;
import nl.mantelzorgthuis.notificationservice.notice.DeliveryMetrics;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.notice.NotificationStore;
import nl.mantelzorgthuis.notificationservice.notice.domain.Change;
import nl.mantelzorgthuis.notificationservice.notice.domain.FollowKind;
import nl.mantelzorgthuis.notificationservice.notice.domain.Messages;
import nl.mantelzorgthuis.notificationservice.webhook.EndpointDisabled;
import nl.mantelzorgthuis.notificationservice.webhook.WebhookFanout;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens with a batch of changes: stored once as notifications (which is what makes them
 * appear in every following inbox), then a persisted delivery per subscribed endpoint and a queued
 * mail per person who wants one at once. Every step is idempotent (ids derived from the event), so
 * a batch that is consumed again after a crash adds nothing twice and completes what was missing.
 */
@Component
class Fanout {

    private final NotificationStore notifications;
    private final WebhookFanout webhooks;
    private final PersonDirectory people;
    private final MailQueue mails;
    private final Clock clock;
    private final NotificationProperties properties;
    private final DeliveryMetrics metrics;

    Fanout(NotificationStore notifications, WebhookFanout webhooks, PersonDirectory people, MailQueue mails, Clock clock,
            NotificationProperties properties, DeliveryMetrics metrics) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.people = people;
        this.mails = mails;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    record Received(Change change, String event) {
    }

    void apply(List<Received> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long seq = notifications.allocate(batch.size());
        List<Notification> all = new ArrayList<>();
        for (Received r : batch) {
            all.add(new Notification(r.change(), seq++, now, r.event()));
        }
        List<Notification> fresh = notifications.store(all);
        Instant stored = clock.instant();
        for (Notification n : fresh) {
            metrics.delivered("inbox", n.change().time(), stored);
        }
        metrics.counted("inbox", "delivered", fresh.size());
        // All of the batch, not only what was new: a replay after a crash completes deliveries and mails.
        webhooks.fanOut(all);
        mails.enqueue(immediateMails(all));
    }

    private List<MailQueue.Mail> immediateMails(List<Notification> batch) {
        List<MailQueue.Mail> mails = new ArrayList<>();
        for (Notification n : batch) {
            for (Person person : people.immediateFor(n)) {
                Messages.Text text = Messages.render(n.change(), person.language());
                String link = Links.of(properties.platformUrl(), n.change());
                String footer = Messages.phrase("mail.footer", person.language());
                mails.add(new MailQueue.Mail("now|" + person.id() + "|" + n.id(), person.email(), text.title(),
                        text.body() + (link == null ? "" : "\n\n" + link) + "\n\n--\n" + footer, n.change().time(), 0));
            }
        }
        return mails;
    }

    /** Tells an endpoint's owner it was disabled: an inbox item for them alone, mailed unless they switched mail off. */
    @EventListener
    void endpointDisabled(EndpointDisabled disabled) {
        Change change = new Change("endpoint-disabled-" + disabled.endpointId() + "-" + disabled.at().toEpochMilli(),
                "nl.mantelzorgthuis.notification.endpoint.disabled.v1", "endpoint", "disabled", disabled.endpointId(),
                disabled.endpointName(), null, null, "DISABLED", null, Set.of(), Set.of(), Set.of(), disabled.at(), 1);
        Notification notice = new Notification(change, notifications.allocate(1), clock.instant(), null,
                List.of(FollowKind.personal(disabled.owner())));
        notifications.store(List.of(notice));
        mails.enqueue(immediateMails(List.of(notice)));
    }
}
