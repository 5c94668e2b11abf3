package nl.mantelzorgthuis.practiceservice.practice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeStatus;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.audit.AuditTrail;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Practices in MongoDB. Each write stores the new state and its event in the same document
 * ({@code pendingEvents}, and its audit entry in {@code pendingAudit}), so one single-document write covers both: no multi-document transaction,
 * which the embedded store lacks, and nothing accepted can lose its event.
 */
@Component
public class PracticeStore {

    public static final String COLLECTION = "practices";

    private final MongoTemplate mongo;
    private final AuditTrail audits;

    PracticeStore(MongoTemplate mongo, AuditTrail audits) {
        this.mongo = mongo;
        this.audits = audits;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
        indexes.createIndex(new Index().on("municipalities.cbsCode", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("name", Sort.Direction.ASC));
    }

    void insert(Practice practice, OutboxEntry event, AuditEntry audit) {
        mongo.getCollection(COLLECTION).insertOne(OutboxWrites.withEvent(audits.withFirst(toDocument(practice), audit), event));
        audits.settleQuietly(COLLECTION, practice.id());
    }

    /** Stores {@code next} only if the stored practice is still at {@code expectedVersion}. */
    boolean replace(Practice next, long expectedVersion, OutboxEntry event, AuditEntry audit) {
        Update update = OutboxWrites.replacing(toDocument(next), Practice.class, event);
        var result = mongo.updateFirst(
                OutboxWrites.atVersion(next.id(), expectedVersion), audits.recording(update, audit), COLLECTION);
        if (result.getMatchedCount() != 1) {
            return false;
        }
        audits.settleQuietly(COLLECTION, next.id());
        return true;
    }

    Optional<Practice> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("_id").is(id))), Practice.class, COLLECTION));
    }

    Optional<AuditPage<AuditEntry>> audit(String id, int page, int pageSize) {
        return audits.read(COLLECTION, Query.query(where("_id").is(id)), AuditEntry.class, page, pageSize);
    }

    /** The outbox and the audit trail travel in the document but are not part of the practice. */
    private static Query withoutBookkeeping(Query query) {
        query.fields().exclude(AuditTrail.PENDING_FIELD).exclude(AuditTrail.LEGACY_FIELD).exclude(OutboxEntry.PENDING_FIELD);
        return query;
    }

    PracticePage search(PracticeSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.kind() != null) {
            criteria.add(where("kind").is(search.kind().name()));
        }
        if (search.status() != null) {
            criteria.add(where("status").is(search.status().name()));
        } else {
            criteria.add(where("status").ne(PracticeStatus.ARCHIVED.name()));
        }
        if (search.region() != null) {
            criteria.add(where("region").regex(exact(search.region())));
        }
        if (search.municipality() != null) {
            criteria.add(where("municipalities.cbsCode").is(search.municipality()));
        }
        if (search.organisation() != null) {
            criteria.add(where("organisations.name").regex(exact(search.organisation())));
        }
        if (search.text() != null) {
            // $regex rather than $text: the embedded store has no text index, and the list is small.
            Pattern contains = Pattern.compile(Pattern.quote(search.text()), Pattern.CASE_INSENSITIVE);
            criteria.add(new Criteria().orOperator(where("name").regex(contains), where("positiveCoreTheme").regex(contains)));
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("name", "_id")).skip((long) search.page() * search.pageSize()).limit(search.pageSize());
        List<Practice> items = mongo.find(withoutBookkeeping(query), Practice.class, COLLECTION);
        int pages = (int) ((total + search.pageSize() - 1) / search.pageSize());
        return new PracticePage(items, new PracticePage.PageInfo(search.page(), search.pageSize(), total, pages));
    }

    private static Pattern exact(String value) {
        return Pattern.compile("^" + Pattern.quote(value.trim()) + "$", Pattern.CASE_INSENSITIVE);
    }

    private Document toDocument(Practice practice) {
        Document doc = new Document();
        mongo.getConverter().write(practice, doc);
        doc.remove("_class");
        return doc;
    }
}
