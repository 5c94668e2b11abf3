package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Prometheus (2.42) scraping the running local platform, with the repository's rules loaded:
 * every service is scraped, and every dashboard query returns data, reading only metrics the services
 * really expose. Writes the queries with what they returned to target/dashboard-queries.md.
 */
@ExtendWith(RunningPlatform.class)
class MonitoringLiveTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Process prometheus;
    static String prometheusUrl;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startPrometheus(LocalPlatform platform) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(Monitoring.PROMETHEUS)), "no prometheus here: apt-get install prometheus");
        Path dir = Files.createTempDirectory("prometheus");
        Path rules = Path.of("..", "monitoring", "prometheus", "rules").toAbsolutePath().normalize();
        StringBuilder targets = new StringBuilder();
        for (String target : platform.metricsTargets()) {
            targets.append("          - ").append(target).append('\n');
        }
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 2s
                  evaluation_interval: 2s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: mantelzorg-local
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets:
                %s""".formatted(rules, targets));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(Monitoring.PROMETHEUS, "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void every_service_is_scraped_and_every_dashboard_query_returns_data(LocalPlatform platform) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            JsonNode active = get("/api/v1/targets").get("data").get("activeTargets");
            assertThat(active).hasSize(platform.metricsTargets().size());
            for (JsonNode target : active) {
                assertThat(target.get("health").asString()).as(target.get("scrapeUrl").asString() + ": " + target.get("lastError").asString())
                        .isEqualTo("up");
            }
        });

        // Traffic the panels show: searches, lists, a refused call; and one event no consumer can read.
        for (int i = 0; i < 10; i++) {
            call(platform.gatewayUrl() + "/api/v1/socialmap/search?q=respijtzorg&near=Zwolle");
            call(platform.gatewayUrl() + "/api/v1/practices?pageSize=20");
            call(platform.gatewayUrl() + "/api/v1/experiments?pageSize=20");
            call(platform.gatewayUrl() + "/api/v1/socialmap/services/none");
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var events = new KafkaProducer<String, String>(producer)) {
            events.send(new ProducerRecord<>("practice-events", "monitoring-test", "geen CloudEvent")).get(10, TimeUnit.SECONDS);
        }

        // A municipal system (demo client) that writes: each new practice is an event the demo webhook
        // receives (delivery latency), and its calls to the notification API are latency too.
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=gemeente-zwolle&client_secret=demo-secret-zwolle"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asString();

        Map<String, String> queries = Monitoring.dashboardQueries();
        Set<String> exposed = new TreeSet<>();
        Map<String, String> results = new TreeMap<>();
        List<String> empty = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            // Keep some traffic going, so rates and quantiles over the last 30 s have something to show.
            call(platform.gatewayUrl() + "/api/v1/socialmap/search?q=dementie");
            call(platform.gatewayUrl() + "/api/v1/practices?pageSize=5");
            call(platform.gatewayUrl() + "/api/v1/experiments?pageSize=5");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/practices"))
                    .header("Authorization", bearer).header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name":"Meetpraktijk %s","kind":"LEARNING_PRACTICE","region":"IJsselland",
                             "municipalities":[{"cbsCode":"GM0193","name":"Zwolle"}]}""".formatted(java.util.UUID.randomUUID())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/notifications/webhooks")).header("Authorization", bearer)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            exposed.clear();
            get("/api/v1/label/__name__/values").get("data").forEach(n -> exposed.add(n.asString()));
            empty.clear();
            for (var query : queries.entrySet()) {
                JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(Monitoring.concrete(query.getValue()), StandardCharsets.UTF_8))
                        .get("data").get("result");
                Set<String> missing = new TreeSet<>(Monitoring.metricNames(query.getValue()));
                missing.removeAll(exposed);
                JsonNode number = null;
                for (JsonNode series : result) {
                    if (number == null && !"NaN".equals(series.get("value").get(1).asString())) {
                        number = series;
                    }
                }
                if (number == null || !missing.isEmpty()) {
                    empty.add(query.getKey() + (missing.isEmpty() ? ": no data" : ": reads metrics nobody exposes " + missing));
                } else {
                    results.put(query.getKey(), result.size() + " series, e.g. " + number.get("metric") + " = "
                            + number.get("value").get(1).asString());
                }
            }
            assertThat(empty).as("dashboard queries without data").isEmpty();
        });

        StringBuilder table = new StringBuilder("| Dashboard / panel / query | What it returned from the local platform |\n|---|---|\n");
        results.forEach((query, value) -> table.append("| ").append(query).append(" | ").append(value.replace("|", "\\|")).append(" |\n"));
        Files.writeString(Path.of("target", "dashboard-queries.md"), table);
    }

    static void call(String url) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
