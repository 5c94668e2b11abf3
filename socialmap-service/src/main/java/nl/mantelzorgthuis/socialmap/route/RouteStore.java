package nl.mantelzorgthuis.socialmap.route;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxWrites;
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
        mongo.getCollection(COLLECTION).insertOne(OutboxWrites.withEvent(toDocument(route), event));
    }

    boolean replace(RespiteRoute next, long expectedVersion, OutboxEntry event) {
        return mongo.updateFirst(OutboxWrites.atVersion(next.municipality(), expectedVersion),
                OutboxWrites.replacing(toDocument(next), RespiteRoute.class, event), COLLECTION).getMatchedCount() == 1;
    }

    private Document toDocument(RespiteRoute route) {
        Document doc = new Document();
        mongo.getConverter().write(route, doc);
        doc.remove("_class");
        return doc;
    }
}
