package nl.mantelzorgthuis.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import nl.mantelzorgthuis.testsupport.BrowserLogin;
import nl.mantelzorgthuis.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #4's performance figures on the local platform (run with bench/experiments.sh, which sets
 * -Dbench=true; skipped in normal test runs). Prints percentiles; asserts nothing about time, as this
 * machine's timings are noisy: the figures go to docs/benchmarks.md.
 * <ol>
 * <li>Run chart of a measure with 1,000 observations, requested at experiment-service (one client).</li>
 * <li>10,000 experiments across 50 practices; filtered lists through the gateway, 50 concurrent clients.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ExperimentServiceBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] LEVELS = {"BEHIND_THE_FRONT_DOOR", "BETWEEN_PROFESSIONALS", "NEIGHBOURHOOD_AND_MUNICIPALITY"};
    static final String[] OUTCOMES = {"COLLABORATION_CAREGIVERS_PROFESSIONALS", "COLLABORATION_AMONG_PROFESSIONALS",
            "COLLABORATION_ORGANISATIONS_AND_POLICY", "DIGITAL_AND_TECHNOLOGICAL_AIDS", "CAREGIVER_KNOWLEDGE",
            "COLLABORATION_VOLUNTEERS_AND_RESIDENTS", "EXCHANGE_OF_CARE_AND_WELFARE_SKILLS"};
    static final String[] PHASES = {"DISCOVER", "DREAM", "DESIGN", "DELIVER"};

    @Test
    void measures_run_chart_and_filtered_listing() throws Exception {
        int experiments = Integer.getInteger("bench.experiments", 10_000);
        int practices = Integer.getInteger("bench.practices", 50);
        int clients = Integer.getInteger("bench.clients", 50);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        PlatformConfig defaults = PlatformConfig.fromEnvironment();
        java.nio.file.Path data = Files.createTempDirectory("bench-experiments");
        PlatformConfig config = defaults.onFreePorts(data, false);
        try (LocalPlatform platform = new LocalPlatform(config).start()) {
            String token = BrowserLogin.accessToken(config.issuer(), "portal", PlatformConfig.PORTAL_SECRET,
                    config.portalRedirectUri(), PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
            String practiceService = "http://localhost:" + config.practicePort();
            String experimentService = "http://localhost:" + config.experimentPort();

            List<String> practiceIds = new ArrayList<>();
            for (int p = 0; p < practices; p++) {
                String body = """
                        {"name":"Benchmarkpraktijk %d","kind":"LEARNING_PRACTICE","region":"Regio %d",
                         "municipalities":[{"cbsCode":"GM%04d","name":"Gemeente %d"}],
                         "organisations":[{"name":"Organisatie %d","type":"WELFARE"}]}""".formatted(p, p % 7, 100 + p, p, p);
                practiceIds.add(JSON.readTree(send("POST", practiceService + "/api/v1/practices", body, token, 201)).get("id").asString());
            }
            awaitPracticesKnown(experimentService, token, practiceIds);

            Instant loadStart = Instant.now();
            AtomicInteger next = new AtomicInteger();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int w = 0; w < 8; w++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < experiments; i = next.getAndIncrement()) {
                            int p = i % practices;
                            String body = """
                                    {"practiceId":"%s","title":"Experiment %d","goal":"Doel %d: mantelzorgers eerder in beeld",
                                     "level":"%s","outcomes":["%s"],"phase":"%s","organisations":["Organisatie %d"],
                                     "lessons":[{"kind":"TIP","text":"Les %d over respijtzorg en samenwerking"}]}"""
                                    .formatted(practiceIds.get(p), i, i, LEVELS[i % 3], OUTCOMES[i % 7], PHASES[i % 4], p, i);
                            send("POST", experimentService + "/api/v1/experiments", body, token, 201);
                        }
                        return null;
                    });
                }
            }
            System.out.printf("%nLoaded %d experiments in %d practices in %d s%n", experiments, practices,
                    Duration.between(loadStart, Instant.now()).toSeconds());

            // 1. Run chart of 1,000 observations at the service.
            String target = JSON.readTree(send("GET", experimentService + "/api/v1/experiments?pageSize=1", null, null, 200))
                    .get("items").get(0).get("id").asString();
            String measure = JSON.readTree(send("POST", experimentService + "/api/v1/experiments/" + target + "/measures",
                    "{\"name\":\"Benchmarkmaat\",\"unit\":\"aantal\",\"betterWhen\":\"HIGHER\"}", token, 201)).get("id").asString();
            StringBuilder observations = new StringBuilder();
            java.util.Random random = new java.util.Random(42);
            for (int d = 0; d < 1000; d++) {
                observations.append(d == 0 ? "" : ",").append("{\"date\":\"").append(LocalDate.of(2020, 1, 1).plusDays(d))
                        .append("\",\"value\":").append(50 + random.nextGaussian() * 5 + (d > 600 ? 4 : 0)).append('}');
            }
            send("POST", experimentService + "/api/v1/experiments/" + target + "/measures/" + measure + "/observations",
                    "{\"observations\":[" + observations + "]}", token, 200);
            String chart = experimentService + "/api/v1/experiments/" + target + "/measures/" + measure + "/run-chart";
            for (int i = 0; i < 300; i++) {
                send("GET", chart, null, null, 200);
            }
            List<Long> chartNanos = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                send("GET", chart, null, null, 200);
                chartNanos.add(System.nanoTime() - start);
            }
            report("run chart, 1,000 observations, at the service, 1 client", chartNanos, Duration.ZERO);

            // 2. Filtered lists through the gateway at 50 concurrent clients.
            String gateway = platform.gatewayUrl();
            List<String> queries = new ArrayList<>();
            for (int p = 0; p < practices; p++) {
                queries.add(gateway + "/api/v1/experiments?practiceId=" + practiceIds.get(p) + "&level=" + LEVELS[p % 3]);
                queries.add(gateway + "/api/v1/experiments?outcome=" + OUTCOMES[p % 7] + "&status=IDEA&phase=" + PHASES[p % 4]);
            }
            queries.add(gateway + "/api/v1/experiments?level=BETWEEN_PROFESSIONALS&page=3");
            List<String> direct = queries.stream().map(q -> q.replace(gateway, experimentService)).toList();
            runLoad(queries, 50, Duration.ofSeconds(15), token);
            ConcurrentLinkedQueue<Long> latencies = runLoad(queries, clients, duration, token);
            report("filtered experiment lists via the gateway, " + clients + " clients", new ArrayList<>(latencies), duration);
            latencies = runLoad(direct, clients, duration, token);
            report("filtered experiment lists at the service, " + clients + " clients", new ArrayList<>(latencies), duration);
            latencies = runLoad(direct, 1, duration, token);
            report("filtered experiment lists at the service, 1 client", new ArrayList<>(latencies), duration);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static ConcurrentLinkedQueue<Long> runLoad(List<String> queries, int clients, Duration duration, String token) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Instant end = Instant.now().plus(duration);
        AtomicInteger errors = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int offset = c;
                pool.submit(() -> {
                    int i = offset;
                    while (Instant.now().isBefore(end)) {
                        long start = System.nanoTime();
                        try {
                            send("GET", queries.get(i++ % queries.size()), null, token, 200);
                            latencies.add(System.nanoTime() - start);
                        } catch (RuntimeException e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("  error: " + e.getMessage());
                            }
                        }
                    }
                    return null;
                });
            }
        }
        if (errors.get() > 0) {
            System.out.println("  errors: " + errors.get());
        }
        return latencies;
    }

    static void report(String what, List<Long> nanos, Duration duration) {
        Collections.sort(nanos);
        double throughput = duration.isZero() ? 0 : nanos.size() / (double) duration.toSeconds();
        System.out.printf("%s: n=%d%s p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n", what, nanos.size(),
                throughput == 0 ? "" : String.format(" (%.0f/s)", throughput), pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                nanos.getLast() / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }

    static void awaitPracticesKnown(String experimentService, String token, List<String> ids) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        for (String id : ids) {
            while (true) {
                HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(experimentService + "/api/v1/experiments"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"practiceId\":\"" + id
                                + "\",\"title\":\"p\",\"level\":\"BETWEEN_PROFESSIONALS\",\"phase\":\"DREAM\",\"outcomes\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (probe.statusCode() == 422 && probe.body().contains("\"outcomes\"")) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("experiment-service did not learn the practices");
                }
                Thread.sleep(200); // polling another process
            }
        }
    }

    static String send(String method, String url, String body, String token, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
