package nl.mantelzorgthuis.notificationservice.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.notice.Inserts;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Mails to send, persisted before sending. The id says what the mail is for (one person and one
 * event, or one person's digest for one period), so the same mail is never queued twice.
 */
@Component
public class MailQueue {

    static final String COLLECTION = "mails";

    public record Mail(String id, String to, String subject, String body, Instant eventTime, int attempts) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;

    MailQueue(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
    }

    /** Queues mails; returns how many were new. */
    public int enqueue(List<Mail> mails) {
        Instant now = clock.instant();
        List<Document> documents = mails.stream().map(m -> new Document("_id", m.id()).append("to", m.to())
                .append("subject", m.subject()).append("body", m.body())
                .append("eventTime", m.eventTime() == null ? null : Date.from(m.eventTime()))
                .append("status", "PENDING").append("attempts", 0).append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", Date.from(now)).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(properties.retention())))).toList();
        return Inserts.insertNew(mongo.getCollection(COLLECTION), documents).size();
    }

    Mail claim(Duration lease) {
        Instant now = clock.instant();
        Criteria due = new Criteria().andOperator(where("status").is("PENDING"), where("nextAttemptAt").lte(Date.from(now)),
                where("leaseUntil").lte(Date.from(now)));
        Document d = mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("leaseUntil", Date.from(now.plus(lease))), FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (d == null) {
            return null;
        }
        Date eventTime = d.getDate("eventTime");
        return new Mail(d.getString("_id"), d.getString("to"), d.getString("subject"), d.getString("body"),
                eventTime == null ? null : eventTime.toInstant(), d.get("attempts", Number.class).intValue());
    }

    void sent(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("status", "SENT").set("sentAt", Date.from(clock.instant()))
                .inc("attempts", 1), COLLECTION);
    }

    void retry(String id, Instant next, String error) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("nextAttemptAt", Date.from(next))
                .set("leaseUntil", Date.from(next)).set("lastError", error).inc("attempts", 1), COLLECTION);
    }

    void failed(String id, String error) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("status", "FAILED").set("lastError", error)
                .inc("attempts", 1), COLLECTION);
    }
}
