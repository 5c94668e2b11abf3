package nl.mantelzorgthuis.notificationservice;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import nl.mantelzorgthuis.notificationservice.support.DomainEvents;
import nl.mantelzorgthuis.notificationservice.support.Standalone;
import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.ContainerInfrastructure;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.MongoStore;
import nl.mantelzorgthuis.testsupport.SeparateStore;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #6's load figure (bench/notifications.sh; skipped in normal runs): events from Kafka at a
 * fixed rate (default 1,000/s) for 1,000 people following them and 50 webhook receivers, one of which
 * always fails and one answers after 5 s. Prints percentiles from each event's time to its delivery;
 * asserts nothing about time (timings on a shared 2-core machine are noisy).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class NotificationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Arrival(int receiver, long eventTime, long latencyMillis) {
    }

    /** An event's time and how long it took to reach somewhere. */
    record Sample(long eventTime, long latencyMillis) {
    }

    @Test
    void fans_out_events_to_inboxes_and_webhooks() throws Exception {
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int people = Integer.getInteger("bench.people", 1000);
        int receivers = Integer.getInteger("bench.receivers", 50);
        boolean badReceivers = !Boolean.getBoolean("bench.allHealthy");
        Infrastructure infra = Infrastructure.embedded();
        // "memory": the tests' in-memory store, all data in this JVM's heap; "h2": the local platform's file store;
        // "process": the in-memory store in a JVM of its own (bench.storeJvmOptions), as a MongoDB keeps its data apart;
        // "mongodb": a real MongoDB (replica set) from its image, where a Docker engine exists.
        String storeKind = System.getProperty("bench.store", "process");
        if (storeKind.equals("mongodb") && !ContainerInfrastructure.dockerAvailable()) {
            throw new IllegalStateException("bench.store=mongodb needs a Docker engine");
        }
        Infrastructure real = storeKind.equals("mongodb") ? ContainerInfrastructure.shared() : null;
        java.nio.file.Path storeFile = java.nio.file.Files.createTempFile("notification-bench", ".mv");
        java.nio.file.Files.delete(storeFile);
        MongoStore h2 = storeKind.equals("h2") ? MongoStore.persistent(storeFile, 0).start() : null;
        SeparateStore separate = storeKind.equals("process") ? SeparateStore.inMemory(System.getProperty("bench.storeJvmOptions", "-Xmx10g")) : null;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "bench-events-" + run;

        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        AtomicInteger failedCalls = new AtomicInteger();
        List<HttpServer> servers = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            int receiver = r;
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.currentTimeMillis();
                if (badReceivers && receiver == 0) {
                    failedCalls.incrementAndGet();
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    if (badReceivers && receiver == 1) {
                        try {
                            Thread.sleep(5000); // the slow receiver under test
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Instant time = Instant.parse(JSON.readTree(body).get("time").asString());
                    arrivals.add(new Arrival(receiver, time.toEpochMilli(), now - time.toEpochMilli()));
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
            servers.add(server);
        }

        ConfigurableApplicationContext service = Standalone.start(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.mongodb.uri", h2 != null ? h2.uri("bench_" + run) : separate != null ? separate.uri("bench_" + run)
                        : real != null ? real.mongoUri("bench_" + run) : infra.mongoUri("bench_" + run)),
                Map.entry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers()),
                Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
                Map.entry("notification.consumer.group", "bench-" + run),
                Map.entry("notification.topics", topic),
                Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared().issuer()),
                Map.entry("notification.webhooks.allowed-networks", "127.0.0.0/8"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("logging.structured.format.console", "")));
        try (DomainEvents setup = new DomainEvents(infra.kafkaBootstrapServers())) {
            Api anonymous = Standalone.api(service);
            TestIssuer issuer = TestIssuer.shared();
            List<Api> persons = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                Api person = anonymous.as(issuer.person("bench" + p + "@zwolledoet.nl", List.of("ORGANISATION_STAFF"), "Zwolle Doet!"));
                person.post("/api/v1/notifications/follows", "{\"kind\":\"EVENT_TYPE\",\"value\":\"nl.mantelzorgthuis.socialmap.service.created.v1\"}");
                person.put("/api/v1/notifications/preferences", "{\"email\":{\"frequency\":\"OFF\"}}", null);
                persons.add(person);
            }
            Api system = anonymous.as(issuer.municipalClient("bench", "GM0193"));
            for (int r = 0; r < receivers; r++) {
                var created = system.post("/api/v1/notifications/webhooks", "{\"url\":\"http://127.0.0.1:" + servers.get(r).getAddress().getPort()
                        + "/hook\",\"municipalities\":[\"" + municipality(r) + "\"]}");
                if (created.status() != 201) {
                    throw new IllegalStateException(created.body());
                }
            }
            // Directories refresh every 2 s.
            Thread.sleep(3000);
            int total = rate * seconds;
            int warmup = rate * Integer.getInteger("bench.warmupSeconds", 15);
            System.out.printf("notification benchmark: %d events at %d/s (after %d to warm up), %d people following all, %d webhook receivers%s, %s store%n",
                    total, rate, warmup, people, receivers, badReceivers ? " (1 always failing, 1 answering after 5 s)" : "", storeKind);

            // Its own producer, not EventPublisher: sends are asynchronous so the rate holds.
            java.util.Properties config = new java.util.Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            List<Long> inboxReads = Collections.synchronizedList(new ArrayList<>());
            var readers = Executors.newScheduledThreadPool(1);
            long begin;
            long beginMillis;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                // The same load first, not measured: the JIT compiles the hot paths before the run counts.
                send(producer, topic, 0, warmup, rate, receivers);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> mongo.getCollection("notifications").countDocuments() >= warmup);
                arrivals.clear();

                readers.scheduleAtFixedRate(() -> {
                    Api person = persons.get((int) (Math.random() * persons.size()));
                    long start = System.nanoTime();
                    person.get("/api/v1/notifications/inbox?pageSize=20");
                    inboxReads.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                }, 1000, Long.getLong("bench.readEveryMs", 500), TimeUnit.MILLISECONDS);
                begin = System.nanoTime();
                beginMillis = System.currentTimeMillis();
                send(producer, topic, warmup, total, rate, receivers);
            }
            double sendSeconds = (System.nanoTime() - begin) / 1e9;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> mongo.getCollection("notifications").countDocuments() >= warmup + total);
            int healthyExpected = total / receivers * (receivers - (badReceivers ? 2 : 0));
            long measuredFrom = beginMillis;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> arrivals.stream()
                    .filter(a -> (!badReceivers || a.receiver() > 1) && a.eventTime() >= measuredFrom).count() >= healthyExpected);
            double doneSeconds = (System.nanoTime() - begin) / 1e9;
            readers.shutdownNow();

            List<Sample> storedSamples = new ArrayList<>();
            for (Document d : mongo.getCollection("notifications").find().projection(new Document("time", 1).append("receivedAt", 1)).batchSize(2000)) {
                if (d.getDate("time").getTime() >= beginMillis) {
                    storedSamples.add(new Sample(d.getDate("time").getTime(), d.getDate("receivedAt").getTime() - d.getDate("time").getTime()));
                }
            }
            List<Long> stored = storedSamples.stream().map(Sample::latencyMillis).toList();
            List<Long> healthy = arrivals.stream().filter(a -> (!badReceivers || a.receiver() > 1) && a.eventTime() >= measuredFrom)
                    .map(Arrival::latencyMillis).toList();
            List<Long> slow = arrivals.stream().filter(a -> badReceivers && a.receiver() == 1 && a.eventTime() >= measuredFrom)
                    .map(Arrival::latencyMillis).toList();
            System.out.printf("sent %d events in %.1f s (%.0f/s); all stored and delivered to healthy receivers after %.1f s%n",
                    total, sendSeconds, total / sendSeconds, doneSeconds);
            System.out.println("inbox (stored, visible to all " + people + " followers), event time to stored: " + percentiles(stored) + " ms");
            System.out.println("webhooks, healthy receivers, event time to delivery: " + percentiles(healthy) + " ms (n=" + healthy.size() + ")");
            if (badReceivers) {
                System.out.println("webhooks, slow receiver (5 s): " + percentiles(slow) + " ms (n=" + slow.size() + " delivered so far)"
                        + "; failing receiver: " + failedCalls.get() + " calls refused");
            }
            // Flat over the run: the first and the last window (a minute, or a third of a shorter run) side by side.
            long window = Math.min(60_000, seconds * 1000L / 3);
            long endMillis = beginMillis + seconds * 1000L;
            List<Sample> healthySamples = arrivals.stream().filter(a -> (!badReceivers || a.receiver() > 1) && a.eventTime() >= measuredFrom)
                    .map(a -> new Sample(a.eventTime(), a.latencyMillis())).toList();
            System.out.println("stored, first vs last " + window / 1000 + " s: " + drift(storedSamples, beginMillis, endMillis, window));
            System.out.println("webhooks, first vs last " + window / 1000 + " s: " + drift(healthySamples, beginMillis, endMillis, window));
            // What the sweep for abandoned leases reads (the pending list) beside what the store keeps.
            System.out.println("deliveries kept: " + mongo.getCollection("deliveries").countDocuments() + ", in the pending list: "
                    + mongo.getCollection("deliveries_pending").countDocuments());
            System.out.println("inbox page read during the load: " + percentiles(inboxReads.stream().map(us -> us / 1000).toList())
                    + " ms (n=" + inboxReads.size() + ")");
        } finally {
            service.close();
            servers.forEach(s -> s.stop(0));
            if (h2 != null) {
                h2.close();
                java.nio.file.Files.deleteIfExists(storeFile);
            }
            if (separate != null) {
                separate.close();
            }
        }
    }

    /** Events {@code from .. from + count}, at the rate, round-robin over the receivers' municipalities. */
    private static void send(KafkaProducer<String, String> producer, String topic, int from, int count, int rate, int receivers)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long wait = start + (long) n * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int i = from + n;
            String id = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>(topic, id, DomainEvents.service(id, "Aanbod " + i, municipality(i % receivers), "respijtzorg")));
        }
    }

    private static String drift(List<Sample> samples, long begin, long end, long window) {
        List<Long> first = samples.stream().filter(s -> s.eventTime() < begin + window).map(Sample::latencyMillis).toList();
        List<Long> last = samples.stream().filter(s -> s.eventTime() >= end - window).map(Sample::latencyMillis).toList();
        if (first.isEmpty() || last.isEmpty()) {
            return "none";
        }
        long p99First = p99(first);
        long p99Last = p99(last);
        StringBuilder timeline = new StringBuilder();
        long step = Math.max(1000, window / 6);
        for (long t = begin; t < end; t += step) {
            long from = t;
            List<Long> slice = samples.stream().filter(s -> s.eventTime() >= from && s.eventTime() < from + step).map(Sample::latencyMillis).toList();
            timeline.append(slice.isEmpty() ? "-" : p99(slice)).append(' ');
        }
        return String.format("p99 %d ms vs %d ms (last/first %.2f); p50 %d vs %d ms; p99 every %d s: %s", p99First, p99Last,
                p99Last / (double) Math.max(1, p99First), p50(first), p50(last), step / 1000, timeline.toString().trim());
    }

    private static long p99(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return at(sorted, 0.99);
    }

    private static long p50(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return at(sorted, 0.50);
    }

    private static String municipality(int receiver) {
        return String.format("GM%04d", 100 + receiver);
    }

    private static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("p50 %d, p95 %d, p99 %d, max %d", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast());
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
