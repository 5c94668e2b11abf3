package nl.mantelzorgthuis.socialmap.hsds;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS records imports brought, beyond what a social-map entry keeps: per service everything its
 * nested form holds (replaced whole when the service is imported again, so a removed phone is gone),
 * and the records no service reaches (an organisation without services, another system's taxonomy)
 * by table and id. Records are kept as JSON text, so numbers, dates and unknown extension fields come
 * back exactly as they came. Every replica reads them through a snapshot that it reloads when the
 * generation counter says another replica (or this one) imported since.
 */
@Component
class RecordStore {

    static final String SERVICES = "hsds_service_records";
    static final String STANDALONE = "hsds_records";
    static final String GENERATION = "hsds_generation";

    /** What the store held at one generation: per service id its records and when they were imported. */
    record Snapshot(long generation, Map<String, Imported> services, Records standalone) {
    }

    record Imported(Instant importedAt, Records records) {
    }

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private volatile Snapshot snapshot;

    RecordStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Decimals as BigDecimal: an amount of 10.10 or a coordinate with 15 digits comes back as it went in.
        this.json = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /** Stores the records of imported services and standalone records, then tells every replica by the generation. */
    void save(Map<String, Collection<Records.Rec>> services, Collection<Records.Rec> standalone, Instant at) {
        // One bulk write per collection, not one round trip (and, on the embedded store, one commit) per record.
        var upsert = new com.mongodb.client.model.ReplaceOptions().upsert(true);
        List<com.mongodb.client.model.WriteModel<Document>> perService = new ArrayList<>();
        for (var service : services.entrySet()) {
            List<String> texts = service.getValue().stream().map(this::text).toList();
            perService.add(new com.mongodb.client.model.ReplaceOneModel<>(new Document("_id", service.getKey()),
                    new Document("_id", service.getKey()).append("records", texts).append("importedAt", java.util.Date.from(at)), upsert));
        }
        List<com.mongodb.client.model.WriteModel<Document>> byKey = new ArrayList<>();
        for (Records.Rec rec : standalone) {
            byKey.add(new com.mongodb.client.model.ReplaceOneModel<>(new Document("_id", rec.key()),
                    new Document("_id", rec.key()).append("record", text(rec)).append("importedAt", java.util.Date.from(at)), upsert));
        }
        if (!perService.isEmpty()) {
            mongo.getCollection(SERVICES).bulkWrite(perService);
        }
        if (!byKey.isEmpty()) {
            mongo.getCollection(STANDALONE).bulkWrite(byKey);
        }
        mongo.findAndModify(new Query(where("_id").is("records")), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, GENERATION);
    }

    /** The records as of now: reloaded only when an import happened since the last read. */
    Snapshot snapshot() {
        long generation = generation();
        Snapshot current = snapshot;
        if (current != null && current.generation() == generation) {
            return current;
        }
        synchronized (this) {
            if (snapshot != null && snapshot.generation() == generation) {
                return snapshot;
            }
            Map<String, Imported> services = new HashMap<>();
            for (Document doc : mongo.getCollection(SERVICES).find()) {
                List<Records.Rec> recs = new ArrayList<>();
                for (Object text : doc.getList("records", Object.class)) {
                    recs.add(rec(String.valueOf(text)));
                }
                services.put(doc.getString("_id"), new Imported(doc.getDate("importedAt").toInstant(), new Records(recs)));
            }
            List<Records.Rec> standalone = new ArrayList<>();
            for (Document doc : mongo.getCollection(STANDALONE).find()) {
                standalone.add(rec(doc.getString("record")));
            }
            snapshot = new Snapshot(generation, Map.copyOf(services), new Records(standalone));
            return snapshot;
        }
    }

    private long generation() {
        Document doc = mongo.getCollection(GENERATION).find(new Document("_id", "records")).first();
        return doc == null ? 0 : ((Number) doc.get("value")).longValue();
    }

    private String text(Records.Rec rec) {
        ObjectNode node = json.createObjectNode();
        node.put("table", rec.table);
        node.set("fields", rec.fields);
        ObjectNode links = node.putObject("links");
        rec.links.forEach(links::put);
        ObjectNode empty = node.putObject("empty");
        rec.empty.forEach(empty::set);
        return json.writeValueAsString(node);
    }

    private Records.Rec rec(String text) {
        JsonNode node = json.readTree(text);
        ObjectNode fields = (ObjectNode) node.get("fields");
        Records.Rec rec = new Records.Rec(node.get("table").asString(), fields.path("id").asString(), fields);
        node.path("links").properties().forEach(e -> rec.links.put(e.getKey(), e.getValue().asString()));
        node.path("empty").properties().forEach(e -> rec.empty.put(e.getKey(), e.getValue()));
        return rec;
    }
}
