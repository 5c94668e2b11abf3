package nl.mantelzorgthuis.notificationservice.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.notice.Inserts;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The deliveries not yet done, each with a moment at or before which its lease runs out: what the
 * sweep for abandoned leases reads instead of every delivery kept. Deliveries stay for the retention
 * period once done, so a query over them grows with the traffic; on the embedded store, which uses
 * no index but the id, it scans them all under the collection's lock and holds up every insert and
 * update meanwhile. The deliveries stay the record: an entry is written before its delivery becomes
 * pending and removed after it is done, so a crash in between leaves an entry too many (the sweep
 * removes it), never one too few; an entry's lease may be earlier than its delivery's (the sweep then
 * reads the delivery and catches up), later only in a rare race, which delays a takeover.
 */
final class PendingDeliveries {

    static final String COLLECTION = "deliveries_pending";

    private final MongoTemplate mongo;

    PendingDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leaseUntil", Sort.Direction.ASC));
    }

    /** Before the deliveries are inserted; an entry that is there already stays. */
    void listed(List<Document> deliveries) {
        List<Document> entries = deliveries.stream()
                .map(d -> new Document("_id", d.getString("_id")).append("leaseUntil", d.getDate("leaseUntil"))).toList();
        Inserts.insertNew(mongo.getCollection(COLLECTION), entries);
    }

    /** Which of these deliveries have no entry: for the deliveries that were pending before this list existed. */
    Set<String> unlisted(Collection<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("_id");
        mongo.find(query, Document.class, COLLECTION).forEach(e -> missing.remove(e.getString("_id")));
        return missing;
    }

    /** After the delivery's lease was moved to {@code until}; written by id alone, so the store's id index serves it. */
    void leased(Collection<String> ids, Instant until) {
        if (ids.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String id : ids) {
            bulk.upsert(Query.query(where("_id").is(id)), new Update().set("leaseUntil", Date.from(until)));
        }
        bulk.execute();
    }

    /** The sweep saw the delivery's lease at {@code until}; an entry removed meanwhile stays removed. */
    void caughtUp(String id, Date until) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("leaseUntil", until), COLLECTION);
    }

    /** After the deliveries were marked delivered or failed. */
    void done(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(where("_id").in(ids)), COLLECTION);
        }
    }

    /**
     * The sweep found the delivery done or gone. Removed only if the entry is as the sweep read it:
     * a redelivery may have written it again since.
     */
    void forget(String id, Date seen) {
        mongo.remove(Query.query(where("_id").is(id).and("leaseUntil").is(seen)), COLLECTION);
    }

    /** Entries after {@code after} in id order whose lease ran out by {@code now}, or all when {@code now} is null. */
    List<Document> page(Instant now, String after, int limit) {
        Query query = new Query();
        if (now != null) {
            query.addCriteria(where("leaseUntil").lte(Date.from(now)));
        }
        if (after != null) {
            query.addCriteria(where("_id").gt(after));
        }
        return mongo.find(query.with(Sort.by("_id")).limit(limit), Document.class, COLLECTION);
    }
}
