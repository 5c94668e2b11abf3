package nl.mantelzorgthuis.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a service that stopped on its own, with backoff (1 s, doubling to 30 s; reset after a
 * minute up), as {@code restart: unless-stopped} and Kubernetes do, and says so in the log and on
 * the console.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final List<ServiceProcess> services;
    private final Path pidFile;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "service-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Duration> backoff = new HashMap<>();
    private final Map<String, Instant> notBefore = new HashMap<>();
    private final Map<String, Instant> startedAt = new HashMap<>();
    private volatile boolean closed;

    Supervisor(List<ServiceProcess> services, Path pidFile) {
        this.services = services;
        this.pidFile = pidFile;
    }

    void start() {
        Instant now = Instant.now();
        services.forEach(s -> startedAt.put(s.name, now));
        executor.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    private void check() {
        for (ServiceProcess service : services) {
            if (closed) {
                return;
            }
            Instant now = Instant.now();
            if (service.alive()) {
                if (Duration.between(startedAt.get(service.name), now).compareTo(STABLE) > 0) {
                    backoff.remove(service.name);
                }
                continue;
            }
            Instant due = notBefore.get(service.name);
            if (due == null) {
                Duration wait = backoff.getOrDefault(service.name, FIRST);
                notBefore.put(service.name, now.plus(wait));
                backoff.put(service.name, wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2));
                String message = String.format("%s stopped unexpectedly (exit %d); restarting it in %d s (see %s)",
                        service.name, service.exitValue(), wait.toSeconds(), service.log());
                log.warn(message);
                System.out.println("  ! " + message);
                continue;
            }
            if (now.isBefore(due)) {
                continue;
            }
            notBefore.remove(service.name);
            try {
                service.start();
                startedAt.put(service.name, now);
                Processes.record(pidFile, services.stream().map(ServiceProcess::pid).toList());
                log.info("{} restarted (pid {})", service.name, service.pid());
                System.out.println("  ! " + service.name + " restarted (pid " + service.pid() + ")");
            } catch (Exception e) {
                log.error("Could not restart {}: {}", service.name, e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
