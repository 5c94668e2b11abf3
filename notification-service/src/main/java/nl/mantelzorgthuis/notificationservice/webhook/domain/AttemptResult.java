package nl.mantelzorgthuis.notificationservice.webhook.domain;

import java.time.Duration;

/**
 * What one delivery attempt came to, from the receiver's answer (or the error that prevented one).
 *
 * @param status     the HTTP status, 0 when no answer came
 * @param retryAfter what the receiver asked for with Retry-After on 429 or 503, else null
 */
public record AttemptResult(int status, long latencyMillis, String error, Duration retryAfter) {

    public enum Verdict { DELIVERED, RETRY, GONE }

    public Verdict verdict() {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 410) {
            return Verdict.GONE;
        }
        return Verdict.RETRY;
    }

    /** Whether this counts against the endpoint's health (its circuit breaker and "failing since"). */
    public boolean endpointFault() {
        return verdict() != Verdict.DELIVERED;
    }

    /** Retry-After as seconds or as an HTTP date; unreadable values are ignored. */
    public static Duration parseRetryAfter(String value, java.time.Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                java.time.Instant at = java.time.ZonedDateTime.parse(value.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (java.time.format.DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
