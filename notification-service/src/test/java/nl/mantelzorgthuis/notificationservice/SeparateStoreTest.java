package nl.mantelzorgthuis.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.mongodb.client.MongoClients;
import nl.mantelzorgthuis.testsupport.SeparateStore;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The benchmark's store in a JVM of its own (bench.store=process): reachable, keeps writes, and ends when closed. */
class SeparateStoreTest {

    @Test
    void keeps_what_it_is_given_and_ends_when_closed() {
        SeparateStore store = SeparateStore.inMemory("-Xmx64m");
        try (var client = MongoClients.create(store.uri("separate"))) {
            var collection = client.getDatabase("separate").getCollection("notes");
            collection.insertOne(new Document("_id", "n1").append("text", "kept"));
            assertThat(collection.find(new Document("_id", "n1")).first()).containsEntry("text", "kept");
        } finally {
            store.close();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !store.running());
    }
}
