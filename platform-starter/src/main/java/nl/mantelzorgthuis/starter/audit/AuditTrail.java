package nl.mantelzorgthuis.starter.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Who changed what, kept in a collection of its own so an aggregate does not grow with its history
 * (MongoDB refuses documents over 16 MB). An entry is first written into the aggregate's document by
 * the same single-document write as the change ({@value #PENDING_FIELD}), so a change is never
 * without its entry nor an entry without its change; it is then moved to the trail ({@link #settle}),
 * right after the write, by a sweep if the process stopped in between, and before every read.
 * Moving is idempotent: the entry keeps its id.
 */
public class AuditTrail {

    public static final String PENDING_FIELD = "pendingAudit";
    /** Where earlier versions kept the whole trail, inside the aggregate; moved out by {@link #sweep}. */
    public static final String LEGACY_FIELD = "audit";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final String ENTRY_ID = "entryId";

    private final MongoTemplate mongo;
    private final AuditProperties properties;

    public AuditTrail(MongoTemplate mongo, AuditProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        mongo.indexOps(properties.collection()).createIndex(
                new Index().on("collection", Sort.Direction.ASC).on("aggregate", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
    }

    /** A new aggregate's document with its first entry. */
    public Document withFirst(Document aggregate, Object entry) {
        aggregate.put(PENDING_FIELD, List.of(entryDocument(entry)));
        return aggregate;
    }

    /** Adds the entry to the update that makes the change, so both are one write. */
    public Update recording(Update update, Object entry) {
        return update.push(PENDING_FIELD, entryDocument(entry));
    }

    /**
     * Moves the entries waiting in the aggregate's document to the trail. Called after a write that
     * succeeded; a failure here loses nothing (the entries wait in the document for the sweep), so it
     * is logged rather than failing a change the caller has been told about.
     */
    public void settleQuietly(String collection, Object aggregateId) {
        settleQuietly(collection, Query.query(where("_id").is(aggregateId)));
    }

    /** As {@link #settleQuietly(String, Object)}, for the aggregate {@code which} finds. */
    public void settleQuietly(String collection, Query which) {
        try {
            which.fields().include(PENDING_FIELD).include(LEGACY_FIELD);
            Document doc = mongo.findOne(which, Document.class, collection);
            if (doc != null) {
                settle(collection, doc);
            }
        } catch (RuntimeException e) {
            log.warn("audit entries in {} stay in the document until the next sweep: {}", collection, e.toString());
        }
    }

    /**
     * Inserts {@code aggregate} with its first entry; false, and nothing written, when a unique index
     * already holds it.
     */
    public boolean insert(String collection, Object aggregate, Object first) {
        Document doc = new Document();
        mongo.getConverter().write(aggregate, doc);
        doc.remove("_class");
        try {
            mongo.getCollection(collection).insertOne(withFirst(doc, first));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        settleQuietly(collection, doc.get("_id"));
        return true;
    }

    private void settle(String collection, Document doc) {
        Object id = doc.get("_id");
        List<Document> legacy = doc.getList(LEGACY_FIELD, Document.class, List.of());
        for (int i = 0; i < legacy.size(); i++) {
            store(collection, id, collection + ":" + id + ":" + i, legacy.get(i));
        }
        if (doc.containsKey(LEGACY_FIELD)) {
            mongo.updateFirst(Query.query(where("_id").is(id)), new Update().unset(LEGACY_FIELD), collection);
        }
        List<Document> pending = doc.getList(PENDING_FIELD, Document.class, List.of());
        if (pending.isEmpty()) {
            return;
        }
        List<Object> moved = new ArrayList<>();
        for (Document entry : pending) {
            Object entryId = entry.get(ENTRY_ID);
            Document copy = new Document(entry);
            copy.remove(ENTRY_ID);
            store(collection, id, entryId, copy);
            moved.add(entryId);
        }
        mongo.updateFirst(Query.query(where("_id").is(id)),
                new Update().pull(PENDING_FIELD, new Document(ENTRY_ID, new Document("$in", moved))), collection);
    }

    private void store(String collection, Object aggregateId, Object entryId, Document entry) {
        Document stored = new Document(entry);
        stored.put("_id", entryId);
        stored.put("collection", collection);
        stored.put("aggregate", aggregateId);
        try {
            mongo.getCollection(properties.collection()).insertOne(stored);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * One page of the trail of the aggregate {@code which} finds, oldest first; empty when there is
     * no such aggregate.
     */
    public <T> Optional<AuditPage<T>> read(String collection, Query which, Class<T> type, int page, int size) {
        which.fields().include(PENDING_FIELD).include(LEGACY_FIELD);
        Document doc = mongo.findOne(which, Document.class, collection);
        if (doc == null) {
            return Optional.empty();
        }
        settle(collection, doc);
        Query entries = Query.query(where("collection").is(collection).and("aggregate").is(doc.get("_id")));
        long total = mongo.count(entries, properties.collection());
        entries.with(Sort.by("at", "_id")).skip((long) page * size).limit(size);
        List<T> items = mongo.find(entries, Document.class, properties.collection()).stream()
                .map(entry -> mongo.getConverter().read(type, entry)).toList();
        return Optional.of(new AuditPage<>(items, new AuditPage.PageInfo(page, size, total, (int) ((total + size - 1) / size))));
    }

    /** Moves what processes stopped before moving, and trails still kept inside aggregates. */
    public int sweep() {
        int settled = 0;
        for (String collection : properties.collections()) {
            Query waiting = Query.query(new Criteria().orOperator(
                    where(PENDING_FIELD + ".0").exists(true), where(LEGACY_FIELD).exists(true)));
            waiting.fields().include(PENDING_FIELD).include(LEGACY_FIELD);
            for (Document doc : mongo.find(waiting, Document.class, collection)) {
                settle(collection, doc);
                settled++;
            }
        }
        return settled;
    }

    private Document entryDocument(Object entry) {
        Document doc = new Document();
        mongo.getConverter().write(entry, doc);
        doc.remove("_class");
        doc.put(ENTRY_ID, UUID.randomUUID().toString());
        return doc;
    }
}
