package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.mantelzorgthuis.testsupport.SeparateStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged write survives the store's process being killed (SIGKILL), as on MongoDB: the
 * local platform's H2 file store commits each write before it answers.
 */
class StoreDurabilityTest {

    @Test
    void writes_acknowledged_just_before_a_kill_are_there_after_the_restart() throws Exception {
        Path file = Files.createTempDirectory("store-durability").resolve("mongo.mv");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SeparateStore store = SeparateStore.persistent(file, port);
        int written = 300;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            var practices = client.getDatabase("practices").getCollection("practices");
            for (int i = 0; i < written; i++) {
                practices.insertOne(new Document("_id", "p" + i).append("name", "Praktijk " + i));
            }
            practices.updateOne(new Document("_id", "p0"), new Document("$set", new Document("name", "Gewijzigd")));
        }
        store.kill(); // SIGKILL at once, no shutdown hook runs

        SeparateStore again = SeparateStore.persistent(file, port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            var practices = client.getDatabase("practices").getCollection("practices");
            assertThat(practices.countDocuments()).isEqualTo(written);
            assertThat(practices.find(new Document("_id", "p0")).first().getString("name")).isEqualTo("Gewijzigd");
        } finally {
            again.kill();
        }
    }
}
