package nl.mantelzorgthuis.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client token bucket, the semantics of Spring Cloud Gateway's RedisRateLimiter.
 *
 * @param store          {@code memory} (one gateway, the local platform) or {@code redis} (shared
 *                       across replicas: compose and Kubernetes; spring.data.redis.* says where)
 * @param replenishRate  requests per second a client may make on average
 * @param burstCapacity  requests a client may make at once
 */
@ConfigurationProperties("platform.rate-limit")
public record RateLimitProperties(
        @DefaultValue("memory") String store,
        @DefaultValue("20") int replenishRate,
        @DefaultValue("40") int burstCapacity) {
}
