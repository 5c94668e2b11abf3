package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform as its own JVM process, logging to its own file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final String jvmOptions;
    private final Path aotDir;
    private final boolean aotCache;
    private AotCache.Launch launch;
    private Process process;
    private Instant startedAt;
    private Duration readyAfter;
    private boolean refused;

    ServiceProcess(String name, int port, Path jar, Map<String, String> environment, PlatformConfig config) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.environment = environment;
        this.aotDir = config.aotDir();
        this.aotCache = config.aotCache();
        this.log = config.dataDir().resolve("logs").resolve(name + ".log");
        this.jvmOptions = config.serviceJvmOptions();
    }

    /** Extracts the jar for its AOT cache when needed (JDK 25); the services do this side by side before they start. */
    void prepare() {
        if (launch != null) {
            return;
        }
        try {
            launch = AotCache.prepare(name, jar, aotDir, jvmOptions, aotCache);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "used", "training" (written when the service stops), "refused" (trained again next time) or "off". */
    String aotCache() {
        return launch == null || launch.options().isEmpty() ? "off" : refused ? "refused" : launch.trained() ? "used" : "training";
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The jar's file name, which a process's command line holds: tells a stale service of ours from another process. */
    String jarName() {
        return jar.getFileName().toString();
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        if (launch == null) {
            prepare();
        }
        command.addAll(launch.options());
        command.addAll(List.of("-jar", launch.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        startedAt = Instant.now();
        process = builder.start();
    }

    /** From process start to the first ready answer. */
    Duration readyAfter() {
        return readyAfter;
    }

    /** Waits until the readiness probe says UP; fails early if the process dies. */
    void awaitReady(Instant deadline) throws InterruptedException {
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue()
                        + "); see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyAfter = Duration.between(startedAt, Instant.now());
                    refused = launch != null && AotCache.discardIfRefused(launch);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready in time; see " + log);
    }

    long rssKiB() {
        return process == null ? 0 : Memory.rssKiB(process.pid());
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** SIGTERM first (graceful shutdown), then kill after the grace period. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
