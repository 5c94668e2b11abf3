package nl.mantelzorgthuis.socialmap.offer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation;
import nl.mantelzorgthuis.socialmap.offer.domain.Violation;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.audit.AuditTrail;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxWrites;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Social-map entries in MongoDB, one document each with its outbox and audit trail, written in one
 * single-document write (no multi-document transactions, which the embedded store lacks). A unique
 * index on (maintainedBy, externalId) keeps a municipality's bulk upserts from creating twins.
 */
@Component
public class OfferStore {

    public static final String COLLECTION = "services";
    /**
     * maintainer + external id, only on entries that have an external id: one sparse single-field
     * unique index then skips the others on real MongoDB and on the embedded store alike (a compound
     * sparse index still indexes a missing externalId as null, so a second entry without one clashed).
     */
    static final String EXTERNAL_KEY = "externalKey";
    private static final String OLD_EXTERNAL_INDEX = "maintainedBy_1_externalId_1";

    private final MongoTemplate mongo;
    private final AuditTrail audits;

    OfferStore(MongoTemplate mongo, AuditTrail audits) {
        this.mongo = mongo;
        this.audits = audits;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
        migrateExternalKeys(indexes);
        indexes.createIndex(new Index().on(EXTERNAL_KEY, Sort.Direction.ASC).unique().sparse());
        indexes.createIndex(new Index().on("lastVerifiedAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("organization", Sort.Direction.ASC).on("name", Sort.Direction.ASC));
    }

    void insert(Offer entry, OutboxEntry event, AuditEntry audit) {
        Document doc = audits.withFirst(toDocument(entry), audit);
        if (externalKey(entry) != null) {
            doc.put(EXTERNAL_KEY, externalKey(entry));
        }
        try {
            mongo.getCollection(COLLECTION).insertOne(OutboxWrites.withEvent(doc, event));
            audits.settleQuietly(COLLECTION, entry.id());
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw externalIdTaken(entry);
            }
            throw e;
        }
    }

    /** Stores {@code next} only if the stored entry is still at {@code expectedVersion}. */
    boolean replace(Offer next, long expectedVersion, OutboxEntry event, AuditEntry audit) {
        Update update = OutboxWrites.replacing(toDocument(next), Offer.class, event);
        audits.recording(update, audit);
        if (externalKey(next) != null) {
            update.set(EXTERNAL_KEY, externalKey(next));
        } else {
            update.unset(EXTERNAL_KEY);
        }
        try {
            if (mongo.updateFirst(OutboxWrites.atVersion(next.id(), expectedVersion), update, COLLECTION).getMatchedCount() != 1) {
                return false;
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw externalIdTaken(next);
        }
        audits.settleQuietly(COLLECTION, next.id());
        return true;
    }

    Optional<Offer> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("_id").is(id))), Offer.class, COLLECTION));
    }

    private static String externalKey(Offer entry) {
        return entry.externalId() == null ? null : entry.maintainedBy() + "|" + entry.externalId();
    }

    private static OfferRuleViolation externalIdTaken(Offer entry) {
        return new OfferRuleViolation(List.of(new Violation("externalId",
                "'" + entry.externalId() + "' is already used by another entry of " + entry.maintainedBy())));
    }

    /**
     * Idempotent, at start: entries written before the external key existed get it, and the old
     * compound index goes (docs/operations.md).
     */
    private void migrateExternalKeys(org.springframework.data.mongodb.core.index.IndexOperations indexes) {
        if (indexes.getIndexInfo().stream().anyMatch(i -> i.getName().equals(OLD_EXTERNAL_INDEX))) {
            indexes.dropIndex(OLD_EXTERNAL_INDEX);
        }
        Query missing = Query.query(where("externalId").exists(true).ne(null).and(EXTERNAL_KEY).exists(false));
        missing.fields().include("externalId").include("maintainedBy");
        missing.cursorBatchSize(500);
        for (Document doc : mongo.find(missing, Document.class, COLLECTION)) {
            mongo.updateFirst(Query.query(where("_id").is(doc.get("_id"))),
                    new Update().set(EXTERNAL_KEY, doc.getString("maintainedBy") + "|" + doc.getString("externalId")), COLLECTION);
        }
    }

    Optional<Offer> findMaintained(String municipality, String externalId) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("maintainedBy").is(municipality)
                .and("externalId").is(externalId))), Offer.class, COLLECTION));
    }

    Optional<AuditPage<AuditEntry>> audit(String id, int page, int pageSize) {
        return audits.read(COLLECTION, Query.query(where("_id").is(id)), AuditEntry.class, page, pageSize);
    }

    /** Entries last verified before {@code cutoff}, oldest check first; of one organisation when given. */
    List<Offer> verifiedBefore(Instant cutoff, String organization, int page, int pageSize) {
        Query query = withoutBookkeeping(Query.query(verifiedBefore(cutoff, organization)))
                .with(Sort.by("lastVerifiedAt", "_id")).skip((long) page * pageSize).limit(pageSize);
        return mongo.find(query, Offer.class, COLLECTION);
    }

    long countVerifiedBefore(Instant cutoff, String organization) {
        return mongo.count(Query.query(verifiedBefore(cutoff, organization)), COLLECTION);
    }

    private static org.springframework.data.mongodb.core.query.Criteria verifiedBefore(Instant cutoff, String organization) {
        var criteria = where("lastVerifiedAt").lt(cutoff);
        return organization == null ? criteria : criteria.and("organization").is(organization);
    }

    /**
     * One organisation's entries by name: what its staff maintain. Not a hot path (the portal's
     * management page), so the embedded store's collection scan is acceptable; MongoDB uses the index.
     */
    List<Offer> ofOrganization(String organization, int page, int pageSize) {
        Query query = withoutBookkeeping(Query.query(where("organization").is(organization)))
                .with(Sort.by("name", "_id")).skip((long) page * pageSize).limit(pageSize);
        return mongo.find(query, Offer.class, COLLECTION);
    }

    long countOfOrganization(String organization) {
        return mongo.count(Query.query(where("organization").is(organization)), COLLECTION);
    }

    /**
     * Every entry, streamed: what the search index is rebuilt from. An explicit batch size, because the
     * embedded store otherwise answers with one reply of every document, beyond the driver's 48 MB limit.
     */
    public Stream<Offer> all() {
        return mongo.stream(withoutBookkeeping(new Query()).cursorBatchSize(1000), Offer.class, COLLECTION);
    }

    private static Query withoutBookkeeping(Query query) {
        query.fields().exclude(AuditTrail.PENDING_FIELD).exclude(AuditTrail.LEGACY_FIELD).exclude(OutboxEntry.PENDING_FIELD);
        return query;
    }

    private Document toDocument(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        doc.remove("_class");
        return doc;
    }
}
