package nl.mantelzorgthuis.socialmap.events;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document until the relay has handed it to Kafka. The payload
 * is the complete structured CloudEvent, so a republish after a crash sends the same id and bytes.
 */
public record OutboxEntry(String eventId, String type, Instant time, String cloudEvent) {

    public static final String PENDING_FIELD = "pendingEvents";
    public static final String FLAG_FIELD = "outboxPending";

    public Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("time", Date.from(time))
                .append("cloudEvent", cloudEvent);
    }

    static OutboxEntry from(Document doc) {
        return new OutboxEntry(doc.getString("eventId"), doc.getString("type"), doc.getDate("time").toInstant(),
                doc.getString("cloudEvent"));
    }
}
