package nl.mantelzorgthuis.notificationservice.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What a person did with single inbox items (read, archived): one document per person and item. */
@Component
class InboxMarks {

    static final String COLLECTION = "inboxMarks";

    record Mark(boolean read, boolean archived) {
    }

    private final MongoTemplate mongo;

    InboxMarks(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("person", Sort.Direction.ASC).on("time", Sort.Direction.DESC));
    }

    void mark(String person, String notificationId, Instant time, String field) {
        mongo.upsert(Query.query(where("_id").is(person + "|" + notificationId)), new Update().set(field, true)
                .setOnInsert("person", person).setOnInsert("notificationId", notificationId).setOnInsert("time", Date.from(time)),
                COLLECTION);
    }

    Map<String, Mark> of(String person, Collection<String> notificationIds) {
        Map<String, Mark> marks = new HashMap<>();
        mongo.find(Query.query(where("person").is(person).and("notificationId").in(notificationIds)), Document.class, COLLECTION)
                .forEach(d -> marks.put(d.getString("notificationId"),
                        new Mark(Boolean.TRUE.equals(d.getBoolean("read")), Boolean.TRUE.equals(d.getBoolean("archived")))));
        return marks;
    }

    /** Ids of the person's items with this flag, for items newer than {@code after} (null: all). */
    List<String> flagged(String person, String field, Instant after) {
        Query query = Query.query(where("person").is(person).and(field).is(true));
        if (after != null) {
            query.addCriteria(where("time").gt(Date.from(after)));
        }
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("notificationId")).toList();
    }
}
