package nl.mantelzorgthuis.starter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.mantelzorgthuis.testsupport.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class AuditTrailTest {

    record Entry(Instant at, String action, String actor) {
    }

    private static MongoStore store;
    private static MongoClient client;
    private MongoTemplate mongo;
    private AuditTrail trail;

    @BeforeAll
    static void startStore() {
        store = MongoStore.inMemory().start();
        client = MongoClients.create(store.uri("audit"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "audit");
        mongo.getDb().drop();
        trail = new AuditTrail(mongo, new AuditProperties(true, "audit", List.of("things"), Duration.ofMinutes(10)));
    }

    private static Entry entry(int minute, String action) {
        return new Entry(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), action, "anna");
    }

    private Document aggregate(String id) {
        return mongo.getCollection("things").find(new Document("_id", id)).first();
    }

    @Test
    void keeps_entries_out_of_the_aggregate_however_many_changes_it_has() {
        assertThat(trail.insert("things", new Document("_id", "t1").append("name", "one"), entry(0, "CREATED"))).isTrue();
        for (int i = 1; i <= 120; i++) {
            mongo.updateFirst(Query.query(where("_id").is("t1")), trail.recording(new Update().set("name", "v" + i), entry(i, "UPDATED")), "things");
            trail.settleQuietly("things", "t1");
        }

        assertThat(aggregate("t1").getList(AuditTrail.PENDING_FIELD, Document.class)).isEmpty();
        AuditPage<Entry> first = trail.read("things", Query.query(where("_id").is("t1")), Entry.class, 0, 50).orElseThrow();
        assertThat(first.page().totalElements()).isEqualTo(121);
        assertThat(first.page().totalPages()).isEqualTo(3);
        assertThat(first.items()).hasSize(50).first().extracting(Entry::action).isEqualTo("CREATED");
        AuditPage<Entry> last = trail.read("things", Query.query(where("_id").is("t1")), Entry.class, 2, 50).orElseThrow();
        assertThat(last.items()).hasSize(21).last().isEqualTo(entry(120, "UPDATED"));
    }

    @Test
    void refuses_a_second_insert_of_the_same_aggregate_without_a_second_entry() {
        assertThat(trail.insert("things", new Document("_id", "t2"), entry(0, "CREATED"))).isTrue();
        assertThat(trail.insert("things", new Document("_id", "t2"), entry(1, "CREATED"))).isFalse();
        assertThat(trail.read("things", Query.query(where("_id").is("t2")), Entry.class, 0, 50).orElseThrow().items())
                .containsExactly(entry(0, "CREATED"));
    }

    @Test
    void reads_entries_a_stopped_process_did_not_move_exactly_once() {
        // As if the process died between the change and moving its entry.
        mongo.getCollection("things").insertOne(trail.withFirst(new Document("_id", "t3"), entry(0, "CREATED")));
        mongo.updateFirst(Query.query(where("_id").is("t3")), trail.recording(new Update().set("x", 1), entry(1, "UPDATED")), "things");

        assertThat(trail.read("things", Query.query(where("_id").is("t3")), Entry.class, 0, 50).orElseThrow().items())
                .containsExactly(entry(0, "CREATED"), entry(1, "UPDATED"));
        assertThat(trail.read("things", Query.query(where("_id").is("t3")), Entry.class, 0, 50).orElseThrow().items())
                .containsExactly(entry(0, "CREATED"), entry(1, "UPDATED"));
        assertThat(aggregate("t3").getList(AuditTrail.PENDING_FIELD, Document.class)).isEmpty();
    }

    @Test
    void moves_trails_kept_inside_documents_by_earlier_versions_once() {
        Document legacy = new Document("_id", "t4").append(AuditTrail.LEGACY_FIELD, List.of(
                new Document("at", entry(0, "CREATED").at()).append("action", "CREATED").append("actor", "anna"),
                new Document("at", entry(1, "UPDATED").at()).append("action", "UPDATED").append("actor", "anna")));
        mongo.getCollection("things").insertOne(legacy);
        mongo.getCollection("things").insertOne(trail.withFirst(new Document("_id", "t5"), entry(0, "CREATED")));

        assertThat(trail.sweep()).isEqualTo(2);
        assertThat(trail.sweep()).isZero();

        assertThat(aggregate("t4")).doesNotContainKey(AuditTrail.LEGACY_FIELD);
        assertThat(trail.read("things", Query.query(where("_id").is("t4")), Entry.class, 0, 50).orElseThrow().items())
                .containsExactly(entry(0, "CREATED"), entry(1, "UPDATED"));
        assertThat(trail.read("things", Query.query(where("_id").is("t5")), Entry.class, 0, 50).orElseThrow().items())
                .containsExactly(entry(0, "CREATED"));
        assertThat(mongo.getCollection("audit").countDocuments()).isEqualTo(3);
    }

    @Test
    void has_no_trail_for_an_aggregate_that_does_not_exist() {
        assertThat(trail.read("things", Query.query(where("_id").is("nobody")), Entry.class, 0, 50)).isEmpty();
    }
}
