package nl.mantelzorgthuis.notificationservice.notice;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.notice.domain.Change;
import org.bson.Document;

/**
 * A change as this service keeps it: once per event (id = the CloudEvent id), filed under its keys,
 * with the original CloudEvent for webhooks and the pull feed. Inboxes read these; nothing is
 * copied per person, so one change followed by a thousand people is one write.
 *
 * @param seq      position in the pull feed (ascending, allocated per consumed batch)
 * @param event    the CloudEvent in structured JSON, as received
 */
public record Notification(Change change, long seq, Instant receivedAt, String event, List<String> extraKeys) {

    static final String COLLECTION = "notifications";

    public Notification {
        extraKeys = extraKeys == null ? List.of() : List.copyOf(extraKeys);
    }

    public Notification(Change change, long seq, Instant receivedAt, String event) {
        this(change, seq, receivedAt, event, List.of());
    }

    public List<String> keys() {
        List<String> keys = new java.util.ArrayList<>(change.keys());
        keys.addAll(extraKeys);
        return keys;
    }

    public String id() {
        return change.eventId();
    }

    Document toDocument(Instant expiresAt) {
        return new Document("_id", change.eventId()).append("seq", seq).append("type", change.type())
                .append("kind", change.kind()).append("action", change.action()).append("itemId", change.itemId())
                .append("itemName", change.itemName()).append("practiceId", change.practiceId())
                .append("practiceName", change.practiceName()).append("status", change.status())
                .append("organisation", change.organisation())
                .append("municipalities", List.copyOf(change.municipalities()))
                .append("organisations", List.copyOf(change.organisations())).append("terms", List.copyOf(change.terms()))
                .append("keys", keys()).append("time", java.util.Date.from(change.time()))
                .append("version", change.version())
                .append("receivedAt", java.util.Date.from(receivedAt)).append("expiresAt", java.util.Date.from(expiresAt))
                .append("event", event);
    }

    static Notification of(Document d) {
        Change change = new Change(d.getString("_id"), d.getString("type"), d.getString("kind"), d.getString("action"),
                d.getString("itemId"), d.getString("itemName"), d.getString("practiceId"), d.getString("practiceName"),
                d.getString("status"), d.getString("organisation"), set(d, "municipalities"), set(d, "organisations"),
                set(d, "terms"), d.getDate("time").toInstant(), d.get("version", Number.class).longValue());
        List<String> extra = new java.util.ArrayList<>(d.getList("keys", String.class));
        extra.removeAll(change.keys());
        return new Notification(change, d.get("seq", Number.class).longValue(), d.getDate("receivedAt").toInstant(),
                d.getString("event"), extra);
    }

    private static Set<String> set(Document d, String field) {
        List<String> values = d.getList(field, String.class);
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
