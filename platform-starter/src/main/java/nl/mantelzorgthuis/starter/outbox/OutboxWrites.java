package nl.mantelzorgthuis.starter.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The single-document writes that store an aggregate and its event together (what makes the outbox
 * atomic without transactions), and the optimistic condition on its version.
 */
public final class OutboxWrites {

    private OutboxWrites() {
    }

    /** A new aggregate's document with its first event waiting. */
    public static Document withEvent(Document aggregate, OutboxEntry event) {
        aggregate.put(OutboxEntry.PENDING_FIELD, List.of(event.toDocument()));
        aggregate.put(OutboxEntry.FLAG_FIELD, true);
        return aggregate;
    }

    /**
     * An update that replaces the aggregate's state by {@code next} and appends its event. A record
     * component that is null now is absent from {@code next}: it is unset, or the old value would survive.
     */
    public static Update replacing(Document next, Class<? extends Record> type, OutboxEntry event) {
        Update update = new Update();
        next.forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        for (RecordComponent component : type.getRecordComponents()) {
            if (!component.getName().equals("id") && !next.containsKey(component.getName())) {
                update.unset(component.getName());
            }
        }
        update.push(OutboxEntry.PENDING_FIELD, event.toDocument());
        update.set(OutboxEntry.FLAG_FIELD, true);
        return update;
    }

    /** The aggregate with this id, only while it is still at this version. */
    public static Query atVersion(Object id, long version) {
        return Query.query(where("_id").is(id).and("version").is(version));
    }
}
