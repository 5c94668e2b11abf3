package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * One message for one endpoint. Its id is the {@code webhook-id} the receiver sees, the same on
 * every attempt, redelivery and replay, so a receiver deduplicates on it.
 */
record Delivery(String id, String endpointId, String eventId, String eventType, Instant eventTime, String payload,
        Status status, int attempts, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> log) {

    enum Status { PENDING, DELIVERED, FAILED }

    record Attempt(Instant at, int status, long latencyMillis, String error) {
    }

    static final String COLLECTION = "deliveries";

    static String idFor(String endpointId, String eventId) {
        return "msg_" + java.util.UUID.nameUUIDFromBytes((endpointId + "|" + eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    static Document newDocument(String endpointId, String eventId, String eventType, Instant eventTime, String payload,
            Instant now, Instant leaseUntil, Instant expiresAt) {
        return new Document("_id", idFor(endpointId, eventId)).append("endpointId", endpointId).append("eventId", eventId)
                .append("eventType", eventType).append("eventTime", Date.from(eventTime)).append("payload", payload)
                .append("status", Status.PENDING.name()).append("attempts", 0).append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", Date.from(leaseUntil)).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt)).append("log", List.of());
    }

    static Delivery of(Document d) {
        List<Attempt> log = new ArrayList<>();
        List<Document> entries = d.getList("log", Document.class);
        if (entries != null) {
            for (Document a : entries) {
                log.add(new Attempt(a.getDate("at").toInstant(), a.get("status", Number.class).intValue(),
                        a.get("latencyMillis", Number.class).longValue(), a.getString("error")));
            }
        }
        return new Delivery(d.getString("_id"), d.getString("endpointId"), d.getString("eventId"), d.getString("eventType"),
                d.getDate("eventTime").toInstant(), d.getString("payload"), Status.valueOf(d.getString("status")),
                d.get("attempts", Number.class).intValue(), instant(d, "nextAttemptAt"), instant(d, "deliveredAt"), log);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
