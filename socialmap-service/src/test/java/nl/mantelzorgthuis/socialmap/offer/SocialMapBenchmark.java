package nl.mantelzorgthuis.socialmap.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.DemoSocialMap;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.SeparateStore;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #5's search figures (bench/socialmap.sh runs it with -Dbench=true; skipped otherwise):
 * 100,000 generated services stored, the index rebuilt from the store (timed), then a combined
 * text + geo + two-filter query at the service (one client). Prints
 * percentiles; asserts nothing about time (noisy machine): the figures go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SocialMapBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] WORDS = {"logeeropvang", "dagbesteding", "respijtzorg", "lotgenoten", "mantelzorgsteunpunt", "dementie",
            "logeerhuis", "boodschappen", "gespreksgroep", "cursus"};

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @org.springframework.beans.factory.annotation.Autowired
    Taxonomy taxonomy;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructure.embedded();
        // bench.store=process: the store in a JVM of its own, as a MongoDB keeps the stored services out of this heap.
        if (System.getProperty("bench.store", "process").equals("process")) {
            SeparateStore store = SeparateStore.inMemory("-Xmx2g");
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
            registry.add("spring.mongodb.uri", () -> store.uri("socialmap_bench"));
        } else {
            registry.add("spring.mongodb.uri", () -> infra.mongoUri("socialmap_bench"));
        }
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuer());
    }

    @Test
    void loads_searches_and_rebuilds_one_hundred_thousand_services() {
        int count = Integer.getInteger("bench.services", 100_000);
        Api anonymous = new Api("http://localhost:" + port);
        TestIssuer issuer = TestIssuer.shared();
        List<ObjectNode> generated = DemoSocialMap.generated(count, 42);
        // Stored straight into the store, as a restore or migration would: the figures are about
        // searching and rebuilding, not about publishing 100,000 events through the embedded store.
        Instant loadStart = Instant.now();
        Instant now = Instant.now();
        List<Offer> batch = new ArrayList<>();
        for (ObjectNode json : generated) {
            OfferRequest request = JSON.treeToValue(json, OfferRequest.class);
            batch.add(Offer.create(java.util.UUID.randomUUID().toString(), request.toDetails(),
                    json.get("serviceAreas").get(0).asString(), "benchmark", true, taxonomy.codes(), now));
            if (batch.size() == 1000) {
                mongo.insert(batch, OfferStore.COLLECTION);
                batch.clear();
            }
        }
        mongo.insert(batch, OfferStore.COLLECTION);
        System.out.printf("%nStored %d services in %d s%n", count, Duration.between(loadStart, Instant.now()).toSeconds());

        long rebuildStart = System.nanoTime();
        var rebuilt = anonymous.as(issuer.operator()).post("/api/v1/socialmap/search-index/rebuild", null);
        System.out.printf("index rebuild from the store: %d services in %.1f s%n", rebuilt.json().get("indexed").asInt(),
                (System.nanoTime() - rebuildStart) / 1e9);

        Random random = new Random(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            var m = DemoSocialMap.centres().get(random.nextInt(DemoSocialMap.centres().size()));
            queries.add("/api/v1/socialmap/search?q=" + WORDS[random.nextInt(WORDS.length)] + "&lat=" + m[0] + "&lon=" + m[1]
                    + "&radiusKm=25&language=nl&cost=" + (random.nextBoolean() ? "FREE" : "PAID"));
        }
        for (int i = 0; i < 1000; i++) {
            anonymous.get(queries.get(i % queries.size()));
        }
        List<Long> nanos = new ArrayList<>();
        long hits = 0;
        java.util.Map<String, List<Long>> byQuery = new java.util.HashMap<>();
        java.util.Map<String, Long> matches = new java.util.HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String query = queries.get(i % queries.size());
            long start = System.nanoTime();
            var response = anonymous.get(query);
            long took = System.nanoTime() - start;
            nanos.add(took);
            long total = response.json().get("page").get("totalElements").asLong();
            hits += total;
            byQuery.computeIfAbsent(query, q -> new ArrayList<>()).add(took);
            matches.put(query, total);
        }
        // Whether the tail is a few heavy searches or noise over all of them: the slowest by their own median.
        java.util.Map<String, Double> medians = new java.util.HashMap<>();
        byQuery.forEach((query, times) -> medians.put(query, pct(times.stream().sorted().toList(), 50)));
        medians.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("search slowest by median: %.2f ms (%d matches) %s%n", e.getValue(),
                        matches.get(e.getKey()), e.getKey()));
        Collections.sort(nanos);
        System.out.printf("search text + geo (25 km) + 2 filters, 1 client, %d services: p50=%.2f ms p95=%.2f ms p99=%.2f ms "
                + "max=%.2f ms (average %d matches)%n", count, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos.getLast() / 1e6,
                hits / 3000);

        // Issue #18: throughput at 8 concurrent clients (each its own connection), 20 s after 5 s of warm-up.
        int clients = 8;
        List<Long> concurrent = java.util.Collections.synchronizedList(new ArrayList<>());
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long until = warmUntil + 20_000_000_000L;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int offset = c * 25;
                pool.execute(() -> {
                    var client = new nl.mantelzorgthuis.testsupport.Api("http://localhost:" + port);
                    for (int i = offset; System.nanoTime() < until; i++) {
                        long start = System.nanoTime();
                        client.get(queries.get(i % queries.size()));
                        if (start > warmUntil) {
                            concurrent.add(System.nanoTime() - start);
                        }
                    }
                });
            }
        }
        List<Long> sorted = new ArrayList<>(concurrent);
        Collections.sort(sorted);
        System.out.printf("search at %d clients: %.0f searches/s, p50=%.2f ms p99=%.2f ms%n", clients, sorted.size() / 20.0,
                pct(sorted, 50), pct(sorted, 99));
        wrk(queries, clients);
    }

    /**
     * The same 8 clients from wrk (bench/socialmap.sh installs it), a process of its own in C: the
     * Java clients above share this JVM and cost the service CPU (~14% of a one-client profile).
     */
    private void wrk(List<String> queries, int clients) {
        try {
            java.nio.file.Path script = java.nio.file.Files.createTempFile("socialmap-queries", ".lua");
            StringBuilder lua = new StringBuilder("local paths = {\n");
            queries.forEach(q -> lua.append("  \"").append(q).append("\",\n"));
            lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
            java.nio.file.Files.writeString(script, lua);
            String url = "http://127.0.0.1:" + port;
            // One connection first: the one-client latency without a client sharing the service's JVM.
            for (int connections : new int[] {1, clients}) {
                runWrk(List.of("wrk", "-t1", "-c" + connections, "-d5s", "-s", script.toString(), url));
                // This JVM's CPU per search: steadier than throughput on a machine wrk shares with the service.
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpuBefore = os.getProcessCpuTime();
                String out = runWrk(List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d20s", "--latency", "-s",
                        script.toString(), url));
                long cpu = os.getProcessCpuTime() - cpuBefore;
                String errors = find(out, "Non-2xx or 3xx responses: (\\d+)"); // wrk prints the line only when there are some
                long searches = Long.parseLong(find(out, "(\\d+) requests in"));
                System.out.printf("search at %d client%s (wrk): %s searches/s, p50=%s p90=%s p99=%s, service CPU %.3f ms/search, non-2xx: %s%n",
                        connections, connections == 1 ? "" : "s", find(out, "Requests/sec:\\s+([0-9.]+)"), find(out, "\\s50%\\s+(\\S+)"),
                        find(out, "\\s90%\\s+(\\S+)"), find(out, "\\s99%\\s+(\\S+)"), cpu / 1e6 / Math.max(1, searches),
                        errors.isEmpty() ? "0" : errors);
            }
            java.nio.file.Files.delete(script);
        } catch (java.io.IOException notInstalled) {
            System.out.println("search at " + clients + " clients (wrk): skipped, wrk is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String runWrk(List<String> command) throws java.io.IOException, InterruptedException {
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static String find(String text, String pattern) {
        var m = java.util.regex.Pattern.compile(pattern).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }
}
