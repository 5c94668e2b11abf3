package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.notice.DeliveryMetrics;
import nl.mantelzorgthuis.notificationservice.webhook.domain.AttemptResult;
import nl.mantelzorgthuis.notificationservice.webhook.domain.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends deliveries. New ones are handed over at once by the fan-out (this replica holds their lease);
 * retries and postponed calls this replica holds come back from the store's due queue on time, on one
 * thread of their own; deliveries another replica left are claimed by a slower sweep. Each call runs on its own
 * virtual thread; an endpoint has its own limit of calls in flight and its own circuit breaker, so a
 * slow or dead receiver waits and fails alone while the others are served.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BACKLOG_PER_SECOND = 100;

    private final DeliveryStore deliveries;
    private final EndpointDirectory directory;
    private final EndpointHealth health;
    private final OutboundHttp http;
    private final Clock clock;
    private final NotificationProperties.Webhooks settings;
    private final RetrySchedule schedule;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final DeliveryMetrics metrics;
    private final Thread due = Thread.ofPlatform().name("webhook-due").daemon().unstarted(this::sendDue);
    private volatile boolean stopping;
    private boolean started;

    Dispatcher(DeliveryStore deliveries, EndpointDirectory directory, EndpointHealth health, OutboundHttp http, Clock clock,
            NotificationProperties properties, MeterRegistry meters, DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.health = health;
        this.http = http;
        this.clock = clock;
        this.settings = properties.webhooks();
        this.schedule = new RetrySchedule(settings.retryDelays(), settings.jitter());
        this.metrics = metrics;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(20)
                .minimumNumberOfCalls(5).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2).build());
        Gauge.builder("notification.retry.queue.depth", deliveries, DeliveryStore::retrying)
                .description("Deliveries waiting for a retry after a failed attempt").register(meters);
    }

    @jakarta.annotation.PostConstruct
    void start() {
        due.start();
    }

    /** Deliveries this replica just created and holds the lease of. */
    void dispatch(List<Delivery> fresh) {
        fresh.forEach(d -> workers.execute(() -> attempt(d)));
    }

    /**
     * Deliveries a stopped replica left, and at the first run those this replica held before a
     * restart (that run also lists pending deliveries the pending list lacks). A run that fails, the
     * store unreachable, is repeated in full at the next one.
     */
    @Scheduled(fixedDelayString = "${notification.webhooks.poll-interval:15s}")
    void claimAbandoned() {
        boolean atStart = !started;
        if (atStart) {
            deliveries.listPending();
        }
        String after = null;
        do {
            after = deliveries.claimAbandoned(200, atStart, after);
        } while (!stopping && after != null);
        started = true;
    }

    private void sendDue() {
        while (!stopping) {
            try {
                Delivery next = deliveries.nextDue(Duration.ofMillis(500));
                if (next != null && !stopping) {
                    workers.execute(() -> attempt(next));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store was unreachable for a moment: the entry is gone from memory, the lease runs
                // out and the sweep takes the delivery again.
                log.warn("Could not read a due delivery: {}", e.toString());
            }
        }
    }

    private void attempt(Delivery delivery) {
        Endpoint endpoint = directory.get(delivery.endpointId());
        String channel = endpoint != null && endpoint.format() == Endpoint.Format.NOTIFICATIE ? "zgw" : "webhook";
        if (endpoint == null || !endpoint.active() || !endpoint.pushes()) {
            deliveries.failed(delivery.id(), null);
            count(channel, "cancelled");
            return;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
        if (!breaker.tryAcquirePermission()) {
            // Open circuit: try again when it half-opens (30 s), spread so the backlog does not return at once.
            deliveries.postpone(delivery, later(endpoint, Duration.ofSeconds(30)));
            count(channel, "postponed");
            return;
        }
        Semaphore limit = inFlight.computeIfAbsent(endpoint.id(), id -> new Semaphore(settings.maxConcurrentPerEndpoint()));
        AttemptResult result;
        long start = System.nanoTime();
        try {
            if (!limit.tryAcquire(settings.lease().toMillis() / 2, TimeUnit.MILLISECONDS)) {
                breaker.releasePermission();
                deliveries.postpone(delivery, later(endpoint, Duration.ofSeconds(5)));
                count(channel, "postponed");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return;
        }
        try {
            result = http.post(endpoint.url(), delivery.payload(), contentType(endpoint), headers(endpoint, delivery));
        } finally {
            limit.release();
        }
        long took = System.nanoTime() - start;
        if (result.endpointFault()) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new RuntimeException(result.error()));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        record(endpoint, delivery, result, channel);
    }

    private void record(Endpoint endpoint, Delivery delivery, AttemptResult result, String channel) {
        Instant now = clock.instant();
        Delivery.Attempt attempt = new Delivery.Attempt(now, result.status(), result.latencyMillis(), result.error());
        switch (result.verdict()) {
            case DELIVERED -> {
                deliveries.delivered(delivery.id(), attempt);
                health.succeeded(endpoint);
                count(channel, "delivered");
                metrics.delivered(channel, delivery.eventTime(), now);
            }
            case GONE -> {
                deliveries.failed(delivery.id(), attempt);
                health.gone(endpoint);
                count(channel, "gone");
            }
            case RETRY -> {
                health.failed(endpoint);
                var next = schedule.next(delivery.attempts() + 1, now, result.retryAfter(), ThreadLocalRandom.current()::nextDouble);
                if (next.isPresent()) {
                    deliveries.retryAt(delivery, attempt, next.get());
                    count(channel, "retry");
                } else {
                    deliveries.failed(delivery.id(), attempt);
                    count(channel, "failed");
                    log.warn("Gave up delivering {} to endpoint {} after {} attempts", delivery.id(), endpoint.id(),
                            delivery.attempts() + 1);
                }
            }
        }
    }

    /**
     * When to try a postponed delivery: after {@code wait}, spread so that an endpoint's backlog comes
     * back at most {@value #BACKLOG_PER_SECOND} a second (at least over 5 s). Without the spread a dead
     * receiver's backlog would return all at once every time its circuit half-opens, and the work per
     * second would grow with the backlog.
     */
    private Instant later(Endpoint endpoint, Duration wait) {
        long spreadMillis = Math.max(5000, deliveries.waiting(endpoint.id()) * 1000L / BACKLOG_PER_SECOND);
        return clock.instant().plus(wait).plusMillis(ThreadLocalRandom.current().nextLong(spreadMillis));
    }

    private static String contentType(Endpoint endpoint) {
        return endpoint.format() == Endpoint.Format.NOTIFICATIE ? "application/json" : "application/cloudevents+json";
    }

    private Map<String, String> headers(Endpoint endpoint, Delivery delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        long timestamp = clock.instant().getEpochSecond();
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        List<String> secrets = endpoint.signingSecrets(clock.instant());
        if (!secrets.isEmpty()) {
            headers.put("webhook-signature", Signatures.sign(secrets, delivery.id(), timestamp, delivery.payload()));
        }
        if (endpoint.format() == Endpoint.Format.NOTIFICATIE && endpoint.nrcAuth() != null) {
            headers.put("Authorization", endpoint.nrcAuth());
        }
        return headers;
    }

    private void count(String channel, String outcome) {
        metrics.counted(channel, outcome, 1);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        due.interrupt();
        due.join(2000);
        workers.shutdown();
        // Calls in flight may finish; anything unfinished keeps its lease and is sent again after it runs out.
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
