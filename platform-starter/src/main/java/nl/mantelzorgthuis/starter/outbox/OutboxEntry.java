package nl.mantelzorgthuis.starter.outbox;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document until the relay has handed it to Kafka. The payload
 * is the complete structured CloudEvent, so a republish after a crash sends the same id and bytes.
 * A store writes it with the aggregate in one document write ({@link #PENDING_FIELD} and
 * {@link #FLAG_FIELD}), which is what makes the write and its event atomic without transactions.
 */
public record OutboxEntry(String eventId, String type, Instant time, String cloudEvent) {

    /** The array of waiting events in the aggregate's document. */
    public static final String PENDING_FIELD = "pendingEvents";
    /** True while the document has waiting events: the relay's only query. */
    public static final String FLAG_FIELD = "outboxPending";
    /** Set when the first waiting event could never be published (its reason); the document waits for an operator. */
    public static final String PARKED_FIELD = "outboxParked";

    public Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("time", Date.from(time))
                .append("cloudEvent", cloudEvent);
    }

    static OutboxEntry from(Document doc) {
        return new OutboxEntry(doc.getString("eventId"), doc.getString("type"), doc.getDate("time").toInstant(),
                doc.getString("cloudEvent"));
    }
}
