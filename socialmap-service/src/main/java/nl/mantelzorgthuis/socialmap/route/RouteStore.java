package nl.mantelzorgthuis.socialmap.route;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Respite routes, one document per municipality (its CBS code is the id), with their outbox. */
@Component
public class RouteStore {

    public static final String COLLECTION = "respiteRoutes";

    private final MongoTemplate mongo;

    RouteStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(OutboxEntry.FLAG_FIELD, Sort.Direction.ASC));
    }

    Optional<RespiteRoute> find(String municipality) {
        Query query = Query.query(where("_id").is(municipality));
        query.fields().exclude(OutboxEntry.PENDING_FIELD);
        return Optional.ofNullable(mongo.findOne(query, RespiteRoute.class, COLLECTION));
    }

    void insert(RespiteRoute route, OutboxEntry event) {
        Document doc = toDocument(route);
        doc.put(OutboxEntry.PENDING_FIELD, List.of(event.toDocument()));
        doc.put(OutboxEntry.FLAG_FIELD, true);
        mongo.getCollection(COLLECTION).insertOne(doc);
    }

    boolean replace(RespiteRoute next, long expectedVersion, OutboxEntry event) {
        Document doc = toDocument(next);
        doc.remove("_id");
        Update update = new Update();
        doc.forEach(update::set);
        update.push(OutboxEntry.PENDING_FIELD, event.toDocument());
        update.set(OutboxEntry.FLAG_FIELD, true);
        return mongo.updateFirst(Query.query(where("_id").is(next.municipality()).and("version").is(expectedVersion)), update,
                COLLECTION).getMatchedCount() == 1;
    }

    private Document toDocument(RespiteRoute route) {
        Document doc = new Document();
        mongo.getConverter().write(route, doc);
        doc.remove("_class");
        return doc;
    }
}
