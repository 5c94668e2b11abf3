package nl.mantelzorgthuis.socialmap.offer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
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
    static final String AUDIT_FIELD = "audit";

    private final MongoTemplate mongo;

    OfferStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
        indexes.createIndex(new Index().on("maintainedBy", Sort.Direction.ASC).on("externalId", Sort.Direction.ASC).unique().sparse());
        indexes.createIndex(new Index().on("lastVerifiedAt", Sort.Direction.ASC));
    }

    void insert(Offer entry, OutboxEntry event, AuditEntry audit) {
        Document doc = toDocument(entry);
        doc.put(AUDIT_FIELD, List.of(toDocument(audit)));
        doc.put(OutboxEntry.PENDING_FIELD, List.of(event.toDocument()));
        doc.put(OutboxEntry.FLAG_FIELD, true);
        mongo.getCollection(COLLECTION).insertOne(doc);
    }

    /** Stores {@code next} only if the stored entry is still at {@code expectedVersion}. */
    boolean replace(Offer next, long expectedVersion, OutboxEntry event, AuditEntry audit) {
        Document doc = toDocument(next);
        doc.remove("_id");
        Update update = new Update();
        doc.forEach(update::set);
        // A component that is null now is absent from the document: unset it, or the old value would survive.
        for (java.lang.reflect.RecordComponent component : Offer.class.getRecordComponents()) {
            if (!component.getName().equals("id") && !doc.containsKey(component.getName())) {
                update.unset(component.getName());
            }
        }
        update.push(OutboxEntry.PENDING_FIELD, event.toDocument());
        update.push(AUDIT_FIELD, toDocument(audit));
        update.set(OutboxEntry.FLAG_FIELD, true);
        try {
            return mongo.updateFirst(Query.query(where("_id").is(next.id()).and("version").is(expectedVersion)), update, COLLECTION)
                    .getMatchedCount() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation(List.of(new nl.mantelzorgthuis.socialmap.offer
                    .domain.Violation("externalId", "'" + next.externalId() + "' is already used by another entry of " + next.maintainedBy())));
        }
    }

    Optional<Offer> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("_id").is(id))), Offer.class, COLLECTION));
    }

    Optional<Offer> findMaintained(String municipality, String externalId) {
        return Optional.ofNullable(mongo.findOne(withoutBookkeeping(Query.query(where("maintainedBy").is(municipality)
                .and("externalId").is(externalId))), Offer.class, COLLECTION));
    }

    Optional<List<AuditEntry>> audit(String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include(AUDIT_FIELD);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> d.getList(AUDIT_FIELD, Document.class, List.of()).stream()
                .map(a -> mongo.getConverter().read(AuditEntry.class, a)).toList());
    }

    /** Entries last verified before {@code cutoff}, oldest check first. */
    List<Offer> verifiedBefore(Instant cutoff, int page, int pageSize) {
        Query query = withoutBookkeeping(Query.query(where("lastVerifiedAt").lt(cutoff)))
                .with(Sort.by("lastVerifiedAt", "_id")).skip((long) page * pageSize).limit(pageSize);
        return mongo.find(query, Offer.class, COLLECTION);
    }

    long countVerifiedBefore(Instant cutoff) {
        return mongo.count(Query.query(where("lastVerifiedAt").lt(cutoff)), COLLECTION);
    }

    /**
     * Every entry, streamed: what the search index is rebuilt from. An explicit batch size, because the
     * embedded store otherwise answers with one reply of every document, beyond the driver's 48 MB limit.
     */
    public Stream<Offer> all() {
        return mongo.stream(withoutBookkeeping(new Query()).cursorBatchSize(1000), Offer.class, COLLECTION);
    }

    private static Query withoutBookkeeping(Query query) {
        query.fields().exclude(AUDIT_FIELD).exclude(OutboxEntry.PENDING_FIELD);
        return query;
    }

    private Document toDocument(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        doc.remove("_class");
        return doc;
    }
}
