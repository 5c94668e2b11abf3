package nl.mantelzorgthuis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The verified-token cache in front of a real decoder that fetches the issuer's keys over HTTP. */
class VerifiedTokensTest {

    static final TestIssuer issuer = TestIssuer.shared();

    final MovableClock clock = new MovableClock(Instant.now());
    final AtomicInteger verifications = new AtomicInteger();
    final ReactiveJwtDecoder counted = counting(NimbusReactiveJwtDecoder.withJwkSetUri(issuer.issuer() + "/jwks").build());

    ReactiveJwtDecoder counting(ReactiveJwtDecoder decoder) {
        return token -> Mono.defer(() -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        });
    }

    @Test
    void a_token_used_again_is_verified_once() {
        var tokens = new VerifiedTokens(counted, 100, Duration.ofMinutes(5), clock);
        String token = issuer.municipalClient("gemeente-zwolle", "GM0193");

        Jwt first = tokens.decode(token).block();
        Jwt again = tokens.decode(token).block();

        assertThat(again.getClaimAsString("municipality")).isEqualTo("GM0193");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_refused_token_is_checked_and_refused_every_time() {
        var tokens = new VerifiedTokens(counted, 100, Duration.ofMinutes(5), clock);
        String forged = issuer.signedByAnotherKey();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void a_remembered_token_is_verified_again_after_the_cache_lifetime() {
        var tokens = new VerifiedTokens(counted, 100, Duration.ofMinutes(2), clock);
        String token = issuer.coordinator();
        tokens.decode(token).block();

        clock.advance(Duration.ofMinutes(3));
        tokens.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_remembered_token_is_not_served_past_its_own_expiry() {
        // The issuer's tokens live 10 minutes; the cache would keep them for an hour.
        var tokens = new VerifiedTokens(counted, 100, Duration.ofHours(1), clock);
        String token = issuer.coordinator();
        tokens.decode(token).block();

        clock.advance(Duration.ofMinutes(11));
        // The decoder itself allows a minute of clock skew with its own (real) clock, so it accepts the
        // token again; what matters is that it was asked, not the cache.
        tokens.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
