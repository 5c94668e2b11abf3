package nl.mantelzorgthuis.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import nl.mantelzorgthuis.testsupport.KafkaBroker;
import nl.mantelzorgthuis.testsupport.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, no Docker: a real Kafka broker (KRaft) and the Mongo
 * wire-compatible store with its H2 file backend run in this JVM; every service runs as its own
 * Spring Boot process against them, the gateway in front on port 8080. Ctrl-C stops it all.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    /** Every service the launcher starts, by module (and process) name. */
    static final List<String> SERVICES = List.of("identity-service", "practice-service", "experiment-service", "socialmap-service",
            "notification-service", "gateway");

    private final PlatformConfig config;
    private final List<ServiceProcess> services = new ArrayList<>();
    private MongoStore mongo;
    private KafkaBroker kafka;
    private DevMailbox mailbox;
    private Duration startUp;
    private Supervisor supervisor;
    private boolean closed;

    public LocalPlatform(PlatformConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--train-aot-caches")) {
            System.exit(trainAotCaches(PlatformConfig.fromEnvironment()) ? 0 : 1);
        }
        LocalPlatform platform = new LocalPlatform(PlatformConfig.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local platform ...");
            platform.close();
            stopped.countDown();
        }, "local-platform-stop"));
        try {
            platform.start();
        } catch (Exception e) {
            log.error("The local platform could not start: {}", e.getMessage());
            System.exit(1);
        }
        platform.printSummary();
        stopped.await();
    }

    /**
     * The training run of {@code bin/platform}'s build step: a whole start (every service, the demo data) in
     * a data directory of its own, then a stop, at which every JVM without an AOT cache writes one into
     * this platform's {@code data/aot}. The newcomer's first start then reads them instead of training
     * while they wait. Does nothing when every cache is up to date; the training data is thrown away.
     */
    static boolean trainAotCaches(PlatformConfig config) throws Exception {
        // bin/platform gives the launcher -XX:AOTCacheOutput when its own cache is missing: then a whole run too.
        boolean launcherTrains = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        PlatformConfig training = config.forAotTraining();
        // Its data goes when a training run ends well: still there, the last one was stopped or failed part-way,
        // and the caches its JVMs wrote as they stopped hold what a part of a start loaded. They are trained again.
        boolean unfinished = Files.exists(training.dataDir());
        List<String> untrained = new ArrayList<>();
        for (String service : SERVICES) {
            if (!config.aotCache()) {
                continue;
            }
            AotCache.Launch launch = AotCache.prepare(service, config.jar(service), config.aotDir(), config.serviceJvmOptions(), true);
            if (unfinished) {
                Files.deleteIfExists(launch.cache());
            }
            if (unfinished || !launch.trained()) {
                untrained.add(service);
            }
        }
        if (!launcherTrains && untrained.isEmpty()) {
            return true;
        }
        if (launcherTrains) {
            untrained.add("the launcher");
        }
        if (unfinished) {
            log.info("The last training run did not finish ({} is still there): its caches are trained again", training.dataDir());
        }
        log.info("Training AOT caches for {}: the platform starts once in {} and stops again (a few minutes, once per change)",
                String.join(", ", untrained), training.dataDir());
        Instant begin = Instant.now();
        // A training run that was interrupted leaves its data, and maybe its services still running.
        Processes.stopStale(training.dataDir().resolve("services.pid"), SERVICES.stream().map(service -> service + ".jar").toList());
        org.springframework.util.FileSystemUtils.deleteRecursively(training.dataDir());
        LocalPlatform platform = new LocalPlatform(training);
        Thread stopOnInterrupt = new Thread(platform::close, "local-platform-training-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            platform.start();
            log.info("Trained in {} s; stopping, which writes the caches ...", Duration.between(begin, Instant.now()).toSeconds());
        } catch (Exception e) {
            log.error("The training run could not start: {} (its logs are in {}); the first start trains instead", e.getMessage(),
                    training.dataDir().resolve("logs"));
            return false;
        } finally {
            platform.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException stopping) {
                // Ctrl-C during the training run: the hook has stopped it.
            }
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(training.dataDir());
        log.info("AOT caches written in {} s in all", Duration.between(begin, Instant.now()).toSeconds());
        return true;
    }

    public LocalPlatform start() throws Exception {
        Instant begin = Instant.now();
        Files.createDirectories(config.dataDir());
        mongo = MongoStore.persistent(config.dataDir().resolve("mongo").resolve("platform.mv"), config.mongoPort()).start();
        log.info("MongoDB-compatible store on localhost:{} (data in {})", config.mongoPort(), config.dataDir().resolve("mongo"));
        // Before the services, not beside them: started while six JVMs load their classes, the broker took
        // 20 s instead of 4 and the services waited for it; beside the two services that need no broker,
        // 10.6 s instead of 4.9, and the platform was ready no sooner (measured 2026-12-02).
        kafka = new KafkaBroker(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort()).start();
        log.info("Kafka broker (KRaft) on {}", kafka.bootstrapServers());

        mailbox = new DevMailbox(config.smtpPort(), config.mailboxPort(), DemoData.webhookSecretFile(config.dataDir())).start();
        log.info("Demo mail and webhook receiver on {} (SMTP on localhost:{})", mailbox.pageUrl(), config.smtpPort());

        String mongoBase = "mongodb://localhost:" + config.mongoPort() + "/";
        services.add(new ServiceProcess("identity-service", config.identityPort(), config.jar("identity-service"), Map.of(
                "SPRING_MONGODB_URI", mongoBase + "identity",
                "IDENTITY_ISSUER", config.issuer(),
                "IDENTITY_COORDINATOR_EMAIL", PlatformConfig.DEMO_COORDINATOR,
                "IDENTITY_COORDINATOR_PASSWORD", PlatformConfig.DEMO_COORDINATOR_PASSWORD,
                "IDENTITY_PORTAL_CLIENT_SECRET", PlatformConfig.PORTAL_SECRET,
                "IDENTITY_PORTAL_REDIRECT_URIS", config.portalRedirectUri(),
                "IDENTITY_PORTAL_POST_LOGOUT_REDIRECT_URI", "http://localhost:" + config.gatewayPort() + "/",
                "IDENTITY_SEED_FILE", DemoData.accountsFile(config.dataDir()).toString()), config));
        services.add(new ServiceProcess("practice-service", config.practicePort(), config.jar("practice-service"), Map.of(
                "SPRING_MONGODB_URI", mongoBase + "practices",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", config.issuer()), config));
        services.add(new ServiceProcess("experiment-service", config.experimentPort(), config.jar("experiment-service"), Map.of(
                "SPRING_MONGODB_URI", mongoBase + "experiments",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", config.issuer()), config));
        services.add(new ServiceProcess("socialmap-service", config.socialmapPort(), config.jar("socialmap-service"), Map.of(
                "SPRING_MONGODB_URI", mongoBase + "socialmap",
                "SOCIALMAP_GEOCODER_URL", config.geocoderUrl() != null ? config.geocoderUrl() : mailbox.gazetteerUrl(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", config.issuer()), config));
        services.add(new ServiceProcess("notification-service", config.notificationPort(), config.jar("notification-service"), Map.of(
                "SPRING_MONGODB_URI", mongoBase + "notifications",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", config.issuer(),
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET", "earliest",
                "SPRING_MAIL_PORT", Integer.toString(config.smtpPort()),
                // The demo receivers run on this machine; in production only public addresses are called.
                "NOTIFICATION_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "NOTIFICATION_PLATFORM_URL", "http://localhost:" + config.gatewayPort()), config));
        services.add(new ServiceProcess("gateway", config.gatewayPort(), config.jar("gateway"), Map.of(
                "PLATFORM_SERVICES_PRACTICE", "http://localhost:" + config.practicePort(),
                "PLATFORM_SERVICES_NOTIFICATION", "http://localhost:" + config.notificationPort(),
                "PLATFORM_SERVICES_EXPERIMENT", "http://localhost:" + config.experimentPort(),
                "PLATFORM_SERVICES_SOCIALMAP", "http://localhost:" + config.socialmapPort(),
                "PLATFORM_SERVICES_IDENTITY", config.issuer(),
                "PLATFORM_IDENTITY_ISSUER", config.issuer(),
                "PLATFORM_PORTAL_CLIENT_SECRET", PlatformConfig.PORTAL_SECRET), config));
        if (!services.stream().map(service -> service.name).toList().equals(SERVICES)) {
            throw new IllegalStateException("SERVICES names other services than start() starts"); // the training run trusts it
        }
        Processes.stopStale(pidFile(), services.stream().map(ServiceProcess::jarName).toList());
        services.parallelStream().forEach(ServiceProcess::prepare);
        for (ServiceProcess service : services) {
            service.start();
            log.info("Starting {} on port {} (pid {}, log {})", service.name, service.port, service.pid(), service.log());
        }
        Processes.record(pidFile(), services.stream().map(ServiceProcess::pid).toList());

        Instant deadline = Instant.now().plus(config.startTimeout());
        // Side by side, so each service's own time to ready is known (printed in the summary).
        try (var waiting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> ready = new ArrayList<>();
            for (ServiceProcess service : services) {
                ready.add(waiting.submit(() -> {
                    service.awaitReady(deadline);
                    log.info("{} is ready after {} s", service.name, service.readyAfter().toMillis() / 1000.0);
                    return null;
                }));
            }
            for (var future : ready) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (config.demoData()) {
            DemoData.Gateway api = new DemoData.Gateway(config);
            // The social map has nothing to do with the practices: loaded side by side with them.
            java.util.concurrent.FutureTask<Integer> socialMapLoading = new java.util.concurrent.FutureTask<>(
                    () -> DemoData.loadSocialMapOnce(config, api));
            Thread.ofPlatform().name("demo-socialmap").start(socialMapLoading);
            int loaded = DemoData.loadOnce(config, api);
            if (loaded > 0) {
                log.info("Loaded {} demo practices from the seed texts", loaded);
            }
            int experiments = DemoData.loadExperimentsOnce(config, api, Duration.ofSeconds(60));
            if (experiments > 0) {
                log.info("Loaded {} demo experiments (seed 003; measures are illustrative)", experiments);
            }
            int socialMap;
            try {
                socialMap = socialMapLoading.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (socialMap > 0) {
                log.info("Loaded {} demo social-map entries (fictional, marked demo)", socialMap);
            }
            if (DemoData.subscribeOnce(config, api, mailbox.hookUrl())) {
                log.info("The demo coordinator follows Praktijkversneller Zwolle (inbox and immediate e-mail); a demo webhook "
                        + "sends every change to {}", mailbox.pageUrl());
            }
        }
        startUp = Duration.between(begin, Instant.now());
        supervisor = new Supervisor(services, pidFile());
        supervisor.start();
        return this;
    }

    private Path pidFile() {
        return config.dataDir().resolve("services.pid");
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.gatewayPort();
    }

    /** Where Prometheus scrapes each service ({@code host:port}, path /actuator/prometheus). */
    public java.util.List<String> metricsTargets() {
        return services.stream().map(service -> "localhost:" + service.port).toList();
    }

    /** The store of one service (identity, practices, experiments, socialmap, notifications), for tests and operators. */
    public String mongoUri(String database) {
        return "mongodb://localhost:" + config.mongoPort() + "/" + database;
    }

    public String issuer() {
        return config.issuer();
    }

    /** The process id of a running service (for tests that kill one). */
    long pidOf(String service) {
        return services.stream().filter(s -> s.name.equals(service)).findFirst().orElseThrow().pid();
    }

    DevMailbox mailbox() {
        return mailbox;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Resident memory of the whole platform: this JVM (Kafka, Mongo store) plus every service. */
    public long totalRssKiB() {
        return Memory.rssKiB(ProcessHandle.current().pid()) + services.stream().mapToLong(ServiceProcess::rssKiB).sum();
    }

    void printSummary() {
        StringBuilder out = new StringBuilder("\n  In voor mantelzorg-thuis: the local platform is ready in ")
                .append(startUp.toMillis() / 1000.0).append(" s\n\n");
        out.append(String.format("  %-20s %-32s %-14s %-10s %s%n", "component", "address", "memory (RSS)", "ready", "AOT cache"));
        out.append(String.format("  %-20s %-32s %d MiB%n", "kafka + mongo", kafka.bootstrapServers() + ", localhost:" + config.mongoPort(),
                Memory.rssKiB(ProcessHandle.current().pid()) / 1024));
        for (ServiceProcess service : services) {
            out.append(String.format("  %-20s %-32s %-14s %-10s %s%n", service.name, "http://localhost:" + service.port,
                    service.rssKiB() / 1024 + " MiB", service.readyAfter() == null ? "" : service.readyAfter().toMillis() / 1000.0 + " s",
                    service.aotCache()));
        }
        out.append(String.format("  %-20s %-32s %d MiB%n", "total", "", totalRssKiB() / 1024));
        if (services.stream().anyMatch(s -> s.aotCache().equals("training"))) {
            out.append("  (AOT caches are written when the platform stops; the next start reads them.)\n");
        }
        out.append("\n  Try:  curl ").append(gatewayUrl()).append("/api/v1/practices\n");
        out.append("        curl '").append(gatewayUrl()).append("/api/v1/experiments?q=respijtzorg'\n");
        out.append("        curl '").append(gatewayUrl()).append("/api/v1/socialmap/search?q=logeeropvang&lat=52.5168&lon=6.083'\n");
        out.append("  Login (portal): ").append(gatewayUrl()).append("/portal/me   demo accounts: see README\n");
        out.append("  Mail and webhooks of the demo: ").append(mailbox.pageUrl()).append('\n');
        out.append("  API:  ").append(gatewayUrl()).append("/swagger-ui.html (all OpenAPI documents)\n");
        out.append("  Data: ").append(config.dataDir()).append("   Logs: ").append(config.dataDir().resolve("logs")).append('\n');
        out.append("  Stop: Ctrl-C\n");
        System.out.println(out);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (supervisor != null) {
            supervisor.close();
        }
        // Services first, so they do not log broker errors while stopping.
        // All at once (a parallel stream would stop two at a time on two cores); a service that trains its
        // AOT cache writes it while it exits, which takes longer.
        try (var stopping = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(s -> stopping.execute(() -> s.stop(Duration.ofSeconds(s.aotCache().equals("training") ? 120 : 20))));
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }
}
