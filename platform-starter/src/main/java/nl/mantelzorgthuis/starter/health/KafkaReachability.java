package nl.mantelzorgthuis.starter.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;

/** The broker's reachability as the gauge {@code kafka_reachable} (1 or 0), checked on a schedule. */
public class KafkaReachability implements SmartLifecycle {

    private final KafkaHealthIndicator indicator;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public KafkaReachability(KafkaHealthIndicator indicator, MeterRegistry meters, Duration interval) {
        this.indicator = indicator;
        this.interval = interval;
        if (meters != null) {
            Gauge.builder("kafka.reachable", indicator, KafkaHealthIndicator::reachable)
                    .description("1 while the service reaches its Kafka broker").register(meters);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kafka-reachability");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> indicator.health(false), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
