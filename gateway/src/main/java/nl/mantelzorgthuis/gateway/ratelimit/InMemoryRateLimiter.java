package nl.mantelzorgthuis.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client key in this gateway's memory, for a single gateway (the local platform).
 * Written by hand because Spring Cloud Gateway ships only a Redis-backed limiter for WebFlux; it
 * follows RedisRateLimiter's rules (replenish rate, burst capacity) so the settings mean the same.
 */
final class InMemoryRateLimiter implements RateLimiter<Object> {

    private static final int MAX_KEYS = 100_000;

    private final int replenishRate;
    private final int burstCapacity;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    InMemoryRateLimiter(int replenishRate, int burstCapacity) {
        this.replenishRate = replenishRate;
        this.burstCapacity = burstCapacity;
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
        if (buckets.size() > MAX_KEYS) {
            // Forget clients idle long enough to have a full bucket anyway.
            long idle = (long) ((double) burstCapacity / replenishRate * 1e9);
            buckets.values().removeIf(b -> now - b.refilledAt > idle);
        }
        Bucket bucket = buckets.computeIfAbsent(routeId + "|" + id, k -> new Bucket(burstCapacity, now));
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
