package nl.mantelzorgthuis.gateway.ratelimit;

import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client key in this gateway's memory, for a single gateway (the local platform).
 * Written by hand because Spring Cloud Gateway ships only a Redis-backed limiter for WebFlux; it
 * follows RedisRateLimiter's rules (replenish rate, burst capacity) so the settings mean the same.
 * The buckets live in a bounded Caffeine cache: a bucket idle for the time it takes to fill is
 * forgotten (it would be full anyway), and eviction runs in Caffeine's maintenance off the request
 * path, so callers rotating addresses cannot make every request scan the buckets.
 */
final class InMemoryRateLimiter implements RateLimiter<Object> {

    static final int MAX_KEYS = 100_000;

    private final int replenishRate;
    private final int burstCapacity;
    private final com.github.benmanes.caffeine.cache.Cache<String, Bucket> buckets;

    InMemoryRateLimiter(int replenishRate, int burstCapacity) {
        this(replenishRate, burstCapacity, MAX_KEYS);
    }

    InMemoryRateLimiter(int replenishRate, int burstCapacity, int maxKeys) {
        this.replenishRate = replenishRate;
        this.burstCapacity = burstCapacity;
        this.buckets = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(maxKeys)
                .expireAfterAccess(java.time.Duration.ofNanos((long) ((double) burstCapacity / replenishRate * 1e9)))
                .build();
    }

    /** Buckets held now (after pending maintenance). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        long now = System.nanoTime();
        Bucket bucket = buckets.get(routeId + "|" + id, k -> new Bucket(burstCapacity, now));
        boolean allowed;
        long remaining;
        synchronized (bucket) {
            double refill = (now - bucket.refilledAt) / 1e9 * replenishRate;
            bucket.tokens = Math.min(burstCapacity, bucket.tokens + refill);
            bucket.refilledAt = now;
            allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            remaining = (long) bucket.tokens;
        }
        return Mono.just(new Response(allowed, Map.of("X-RateLimit-Remaining", String.valueOf(remaining),
                "X-RateLimit-Burst-Capacity", String.valueOf(burstCapacity),
                "X-RateLimit-Replenish-Rate", String.valueOf(replenishRate))));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
