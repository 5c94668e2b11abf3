package nl.mantelzorgthuis.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens the issuer's decoder has verified, so a machine client calling many times with
 * the same token costs one signature check instead of one per call (in a profile of the gateway
 * under load, parsing and verifying the token was an eighth of its CPU). Only successes are kept,
 * never longer than the token is valid nor than {@code ttl}, so a key the issuer withdraws stops
 * being trusted here after at most that time. Failures are not cached: a bad token is checked, and
 * refused, every time. The services verify every token themselves regardless.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder issuer;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder issuer, int maxSize, Duration ttl, Clock clock) {
        this.issuer = issuer;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker(clock))
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, ttl, clock.instant())))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        // An entry ends at the token's expiry at the latest (see lifetime), so what is found is valid.
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return issuer.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private static Duration lifetime(Jwt jwt, Duration ttl, Instant now) {
        Duration left = Duration.between(now, jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
    }

    private static Ticker ticker(Clock clock) {
        if (clock.equals(Clock.systemUTC())) {
            return Ticker.systemTicker();
        }
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
