package nl.mantelzorgthuis.notificationservice.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), 0.2);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void tries_for_more_than_24_hours_before_giving_up() {
        assertThat(DEFAULT.span()).isGreaterThan(Duration.ofHours(24));
        assertThat(DEFAULT.next(7, NOW, null, () -> 0.5)).isPresent();
        assertThat(DEFAULT.next(8, NOW, null, () -> 0.5)).isEmpty();
    }

    @Test
    void waits_grow_and_vary_by_the_jitter() {
        assertThat(DEFAULT.next(1, NOW, null, () -> 0.5)).contains(NOW.plusSeconds(5));
        assertThat(DEFAULT.next(2, NOW, null, () -> 0.0)).contains(NOW.plusSeconds(240));
        assertThat(DEFAULT.next(2, NOW, null, () -> 1.0)).contains(NOW.plusSeconds(360));
    }

    @Test
    void honours_a_longer_retry_after_up_to_the_longest_wait() {
        assertThat(DEFAULT.next(1, NOW, Duration.ofSeconds(120), () -> 0.5)).contains(NOW.plusSeconds(120));
        assertThat(DEFAULT.next(1, NOW, Duration.ofDays(3), () -> 0.5)).contains(NOW.plus(Duration.ofHours(10)));
        assertThat(DEFAULT.next(2, NOW, Duration.ofSeconds(1), () -> 0.5)).contains(NOW.plusSeconds(300));
    }

    @Test
    void reads_retry_after_as_seconds_or_http_date() {
        assertThat(AttemptResult.parseRetryAfter("30", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(AttemptResult.parseRetryAfter("Mon, 23 Nov 2026 10:01:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(AttemptResult.parseRetryAfter("soon", NOW)).isNull();
    }

    @Test
    void classifies_answers() {
        assertThat(new AttemptResult(204, 1, null, null).verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
        assertThat(new AttemptResult(410, 1, null, null).verdict()).isEqualTo(AttemptResult.Verdict.GONE);
        assertThat(new AttemptResult(301, 1, null, null).verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(new AttemptResult(0, 1, "timeout", null).verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
    }
}
