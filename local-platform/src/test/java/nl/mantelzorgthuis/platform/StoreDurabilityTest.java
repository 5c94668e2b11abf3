package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
        Process store = start(file, port);
        int written = 300;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            var practices = client.getDatabase("practices").getCollection("practices");
            for (int i = 0; i < written; i++) {
                practices.insertOne(new Document("_id", "p" + i).append("name", "Praktijk " + i));
            }
            practices.updateOne(new Document("_id", "p0"), new Document("$set", new Document("name", "Gewijzigd")));
        }
        store.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL at once, no shutdown hook runs

        Process again = start(file, port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            var practices = client.getDatabase("practices").getCollection("practices");
            assertThat(practices.countDocuments()).isEqualTo(written);
            assertThat(practices.find(new Document("_id", "p0")).first().getString("name")).isEqualTo("Gewijzigd");
        } finally {
            again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path file, int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(), file.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the store process ended before it was ready");
    }
}
