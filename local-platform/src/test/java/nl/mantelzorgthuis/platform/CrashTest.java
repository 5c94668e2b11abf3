package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import nl.mantelzorgthuis.testsupport.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform as an operator meets it: mixed writes through the gateway (practices, experiments,
 * social-map entries) while two services are killed with SIGKILL, and then the whole launcher (its
 * Kafka broker and store with it), each started again. Afterwards every write that got a 201 is
 * readable and has exactly one creation event on its topic. {@code -Dcrash.writes=N} sets the writes
 * per phase (CI: 15; {@code -Pcrash}: 200).
 */
class CrashTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final int writesPerPhase = Integer.getInteger("crash.writes", 15);

    record Ports(int gateway, int practice, int experiment, int socialmap, int notification, int identity, int kafka, int controller,
            int mongo, int smtp, int mailbox) {
        static Ports free() {
            return new Ports(KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                    KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                    KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort());
        }
    }

    /** What one kind of write creates: where it is read back and where its creation event goes. */
    enum Kind {
        PRACTICE("/api/v1/practices", "/api/v1/practices/", "practice-events"),
        EXPERIMENT("/api/v1/experiments", "/api/v1/experiments/", "experiment-events"),
        OFFER("/api/v1/socialmap/services", "/api/v1/socialmap/services/", "socialmap-events");

        final String create;
        final String read;
        final String topic;

        Kind(String create, String read, String topic) {
            this.create = create;
            this.read = read;
            this.topic = topic;
        }
    }

    @Test
    void every_accepted_write_survives_a_killed_service_and_a_killed_launcher_with_exactly_its_events() throws Exception {
        Path data = Files.createTempDirectory("platform-crash");
        Ports ports = Ports.free();
        Process launcher = launch(data, ports);
        Map<String, Kind> accepted = new HashMap<>();
        int refused = 0;
        String practice;
        try {
            String token = token(ports);
            practice = zwolleAccelerator(ports);
            refused += write(ports, token, practice, writesPerPhase, accepted);

            // Services killed with SIGKILL: the launcher restarts them; writes meanwhile are refused (503), never lost.
            List<String> pids = Files.readAllLines(data.resolve("services.pid"));
            for (int service : new int[] {1, 3}) { // practice-service, socialmap-service
                ProcessHandle.of(Long.parseLong(pids.get(service).trim())).orElseThrow().destroyForcibly();
            }
            refused += write(ports, token, practice, writesPerPhase, accepted);

            // The whole launcher killed with SIGKILL, just after writes were acknowledged.
            refused += write(ports, token, practice, writesPerPhase, accepted);
        } finally {
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Process again = launch(data, ports);
        try {
            String token = token(ports);
            refused += write(ports, token, practice, writesPerPhase, accepted);
            int lost = 0;
            for (var write : accepted.entrySet()) {
                HttpResponse<String> read = send("GET", ports, write.getValue().read + write.getKey(), null, token);
                if (read.statusCode() != 200) {
                    lost++;
                }
            }
            Map<String, Set<String>> createdEvents = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> createdEvents(ports), events -> events.keySet().containsAll(accepted.keySet()));
            List<String> notExactlyOnce = new ArrayList<>();
            for (String id : accepted.keySet()) {
                if (createdEvents.get(id).size() != 1) {
                    notExactlyOnce.add(id + " " + createdEvents.get(id));
                }
            }
            Map<Kind, Long> byKind = new java.util.EnumMap<>(Kind.class);
            accepted.values().forEach(kind -> byKind.merge(kind, 1L, Long::sum));
            System.out.printf("Crash test: %d writes accepted %s, %d refused while down, %d lost, %d without exactly one creation event%n",
                    accepted.size(), byKind, refused, lost, notExactlyOnce.size());
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(writesPerPhase * 4);
            assertThat(lost).as("accepted writes lost").isZero();
            assertThat(byKind).as("every kind of write was accepted").containsOnlyKeys(Kind.values());
            assertThat(notExactlyOnce).as("writes without exactly one creation event").isEmpty();
        } finally {
            again.destroy();
            if (!again.waitFor(60, TimeUnit.SECONDS)) {
                again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            for (String line : Files.exists(data.resolve("services.pid")) ? Files.readAllLines(data.resolve("services.pid")) : List.<String>of()) {
                if (!line.isBlank()) {
                    ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    /** The demo practice of Zwolle, which the demo municipal client may add experiments to. */
    private String zwolleAccelerator(Ports ports) throws Exception {
        JsonNode practices = JSON.readTree(send("GET", ports, "/api/v1/practices?kind=PRACTICE_ACCELERATOR&pageSize=100", null, null).body());
        return practices.get("items").valueStream().filter(p -> p.get("name").asString().equals("Praktijkversneller Zwolle"))
                .findFirst().orElseThrow().get("id").asString();
    }

    /**
     * Writes until {@code count} practices, experiments and social-map entries in turn were accepted;
     * returns how many attempts were refused meanwhile.
     */
    private int write(Ports ports, String token, String practice, int count, Map<String, Kind> accepted) throws Exception {
        int refused = 0;
        int done = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (done < count && System.nanoTime() < deadline) {
            Kind kind = Kind.values()[(accepted.size()) % Kind.values().length];
            String name = "Crashtest " + UUID.randomUUID().toString().substring(0, 8);
            String body = switch (kind) {
                case PRACTICE -> """
                        {"name":"%s","kind":"LEARNING_PRACTICE","region":"Zwolle",
                         "municipalities":[{"cbsCode":"GM0193","name":"Zwolle"}],
                         "organisations":[{"name":"Mantelzorg Steunpunt Zwolle","type":"WELFARE"}],
                         "centralQuestions":["KEEP_UP_CARING"]}""".formatted(name);
                case EXPERIMENT -> """
                        {"practiceId":"%s","title":"%s","level":"NEIGHBOURHOOD_AND_MUNICIPALITY",
                         "outcomes":["COLLABORATION_AMONG_PROFESSIONALS"],"phase":"DISCOVER","organisations":["Zwolle Doet!"]}
                        """.formatted(practice, name);
                case OFFER -> """
                        {"organization":"Zwolle Doet!","name":"%s","description":"Steun voor mantelzorgers","serviceAreas":["GM0193"],
                         "locations":[{"name":"Hoofdlocatie","address":"Grote Markt 1","postalCode":"8011 LW","city":"Zwolle",
                           "municipality":"GM0193","province":"Overijssel","latitude":52.5125,"longitude":6.0944}]}
                        """.formatted(name);
            };
            try {
                HttpResponse<String> response = send("POST", ports, kind.create, body, token);
                if (response.statusCode() == 201) {
                    accepted.put(JSON.readTree(response.body()).get("id").asString(), kind);
                    done++;
                    continue;
                }
                assertThat(response.statusCode()).as(kind + " " + response.body()).isIn(429, 502, 503, 504);
            } catch (java.io.IOException e) {
                // the gateway itself is down for a moment
            }
            refused++;
            Thread.sleep(200);
        }
        assertThat(done).as("writes accepted in this phase").isEqualTo(count);
        return refused;
    }

    private Map<String, Set<String>> createdEvents(Ports ports) {
        Map<String, Set<String>> events = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(java.util.Arrays.stream(Kind.values()).map(kind -> kind.topic).toList());
            int empty = 0;
            while (empty < 3) {
                var records = consumer.poll(Duration.ofSeconds(1));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    JsonNode event = JSON.readTree(record.value());
                    if (event.get("type").asString().endsWith(".created.v1") && !event.get("type").asString().contains("respite")) {
                        events.computeIfAbsent(record.key(), k -> new HashSet<>()).add(event.get("id").asString());
                    }
                }
            }
        }
        return events;
    }

    private String token(Ports ports) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.identity() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=gemeente-zwolle&client_secret=demo-secret-zwolle"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(String method, Ports ports, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The launcher in a process of its own, as bin/platform runs it; returns once it says it is ready. */
    private Process launch(Path data, Ports ports) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dplatform.root=" + System.getProperty("platform.root", ".."), "-Dplatform.data-dir=" + data,
                "-Dplatform.gateway-port=" + ports.gateway(), "-Dplatform.practice-port=" + ports.practice(),
                "-Dplatform.experiment-port=" + ports.experiment(), "-Dplatform.socialmap-port=" + ports.socialmap(),
                "-Dplatform.notification-port=" + ports.notification(), "-Dplatform.identity-port=" + ports.identity(),
                "-Dplatform.kafka-port=" + ports.kafka(), "-Dplatform.kafka-controller-port=" + ports.controller(),
                "-Dplatform.mongo-port=" + ports.mongo(), "-Dplatform.smtp-port=" + ports.smtp(),
                "-Dplatform.mailbox-port=" + ports.mailbox(),
                "-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
            if (line.contains("the local platform is ready")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the launcher did not get ready");
    }
}
