package nl.mantelzorgthuis.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    @Test
    void allows_the_burst_then_refuses_until_tokens_return() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(1, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.isAllowed("route", "client").block().isAllowed()).isTrue();
        }
        assertThat(limiter.isAllowed("route", "client").block().isAllowed()).isFalse();
        assertThat(limiter.isAllowed("route", "another").block().isAllowed()).isTrue();
    }

    @Test
    void callers_rotating_addresses_cannot_grow_the_buckets_beyond_the_bound() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(20, 40, 1_000);
        for (int i = 0; i < 50_000; i++) {
            limiter.isAllowed("route", "10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
    }
}
