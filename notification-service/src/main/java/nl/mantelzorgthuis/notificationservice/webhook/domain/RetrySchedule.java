package nl.mantelzorgthuis.notificationservice.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the configured waits in turn (by default 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h: about 28 hours in all), each varied by a random fraction so that the
 * retries of many messages do not arrive together. A receiver's Retry-After is honoured when it asks
 * for longer, up to the longest configured wait.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    /** The time of the next attempt after {@code attemptsMade} failed ones, or empty when the message is given up. */
    public Optional<Instant> next(int attemptsMade, Instant now, Duration retryAfter, DoubleSupplier random) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        long millis = base.toMillis();
        long varied = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
        if (retryAfter != null && retryAfter.toMillis() > varied) {
            Duration longest = delays.stream().max(Duration::compareTo).orElse(base);
            varied = Math.min(retryAfter.toMillis(), longest.toMillis());
        }
        return Optional.of(now.plusMillis(Math.max(varied, 0)));
    }

    /** How long a message is tried in all, without jitter. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
