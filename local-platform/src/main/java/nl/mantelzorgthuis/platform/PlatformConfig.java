package nl.mantelzorgthuis.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the local platform keeps its data and which ports it uses. Each value can be set as a system
 * property ({@code -Dplatform.gateway-port=9080}) or environment variable ({@code PLATFORM_GATEWAY_PORT}).
 */
public record PlatformConfig(
        Path root,
        Path dataDir,
        Path aotDir,
        int gatewayPort,
        int practicePort,
        int experimentPort,
        int socialmapPort,
        int notificationPort,
        int identityPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int mailboxPort,
        boolean demoData,
        Duration startTimeout,
        String serviceJvmOptions,
        boolean aotCache) {

    public static PlatformConfig fromEnvironment() {
        Path root = Path.of(setting("platform.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(setting("platform.data-dir", "data")).normalize();
        return new PlatformConfig(
                root,
                dataDir,
                dataDir.resolve("aot"),
                Integer.parseInt(setting("platform.gateway-port", "8080")),
                Integer.parseInt(setting("platform.practice-port", "8081")),
                Integer.parseInt(setting("platform.experiment-port", "8082")),
                Integer.parseInt(setting("platform.socialmap-port", "8083")),
                Integer.parseInt(setting("platform.notification-port", "8084")),
                Integer.parseInt(setting("platform.identity-port", "9000")),
                Integer.parseInt(setting("platform.kafka-port", "9092")),
                Integer.parseInt(setting("platform.kafka-controller-port", "9093")),
                Integer.parseInt(setting("platform.mongo-port", "27017")),
                Integer.parseInt(setting("platform.smtp-port", "3025")),
                Integer.parseInt(setting("platform.mailbox-port", "8025")),
                Boolean.parseBoolean(setting("platform.demo-data", "true")),
                Duration.ofSeconds(Long.parseLong(setting("platform.start-timeout-seconds", "180"))),
                // Small heaps and quick start-up suit a laptop running seven JVMs on two cores.
                setting("platform.service-jvm-options", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
                        // JDK 25: 8-byte object headers (JEP 519), a smaller heap for the same objects.
                        + (Runtime.version().feature() >= 25 ? " -XX:+UseCompactObjectHeaders" : ""))
                        // Every service and the gateway are built with Spring AOT (root pom) and start from its
                        // generated bean definitions: less CPU to ready (docs/benchmarks.md, start-up).
                        + (Boolean.parseBoolean(setting("platform.spring-aot", "true")) ? " -Dspring.aot.enabled=true" : ""),
                // JDK 25's ahead-of-time cache per service (AotCache); JDK 21 runs the jars as they are.
                Runtime.version().feature() >= 25 && Boolean.parseBoolean(setting("platform.aot-cache", "true")));
    }

    /** The same platform on free ports with its own data, for tests and benchmarks beside a running one. */
    PlatformConfig onFreePorts(Path data, boolean withDemoData) {
        java.util.function.IntSupplier free = nl.mantelzorgthuis.testsupport.KafkaBroker::freePort;
        return new PlatformConfig(root, data, data.resolve("aot"), free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(),
                free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), withDemoData,
                startTimeout, serviceJvmOptions, aotCache);
    }

    /** The same platform with AOT caches on or off (on needs JDK 25). */
    PlatformConfig withAotCache(boolean on) {
        return new PlatformConfig(root, dataDir, aotDir, gatewayPort, practicePort, experimentPort, socialmapPort, notificationPort,
                identityPort, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, mailboxPort, demoData, startTimeout, serviceJvmOptions,
                on && Runtime.version().feature() >= 25);
    }

    /**
     * The same platform with the data of a training run (a directory of its own, thrown away after it)
     * and the AOT caches of this one, which the training run writes.
     */
    PlatformConfig forAotTraining() {
        return new PlatformConfig(root, dataDir.resolve("aot-training"), aotDir, gatewayPort, practicePort, experimentPort, socialmapPort,
                notificationPort, identityPort, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, mailboxPort, demoData, startTimeout,
                serviceJvmOptions, aotCache);
    }

    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Demo credentials of the local platform (README); the portal secret never leaves this machine. */
    static final String DEMO_COORDINATOR = "coordinator@invoormantelzorg.nl";
    static final String DEMO_COORDINATOR_PASSWORD = "demo-coordinator";
    static final String PORTAL_SECRET = "local-portal-secret";

    String issuer() {
        return "http://localhost:" + identityPort;
    }

    /**
     * Where place names and postcodes are looked up: PDOK Locatieserver when set
     * ({@code platform.geocoder-url=https://api.pdok.nl/bzk/locatieserver/search/v3_1/free}), otherwise
     * the demo gazetteer, which needs no internet and knows the demo municipalities only.
     */
    String geocoderUrl() {
        return setting("platform.geocoder-url", null);
    }

    String portalRedirectUri() {
        return "http://localhost:" + gatewayPort + "/login/oauth2/code/portal";
    }

    Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build first with ./mvnw -DskipTests package");
        }
        return jar;
    }
}
