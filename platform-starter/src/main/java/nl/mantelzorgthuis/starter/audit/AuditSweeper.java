package nl.mantelzorgthuis.starter.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs {@link AuditTrail#sweep} once at start (off the start-up path) and then every sweep interval. */
class AuditSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSweeper.class);

    private final AuditTrail trail;
    private final AuditProperties properties;
    private volatile ScheduledExecutorService executor;

    AuditSweeper(AuditTrail trail, AuditProperties properties) {
        this.trail = trail;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-sweep").daemon().factory());
        long every = Math.max(1, properties.sweepInterval().toMillis());
        executor.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int settled = trail.sweep();
            if (settled > 0) {
                log.info("audit sweep moved the entries of {} documents to the trail", settled);
            }
        } catch (RuntimeException e) {
            log.warn("audit sweep failed, next try in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
