package nl.mantelzorgthuis.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;

import nl.mantelzorgthuis.gateway.ProblemWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

    @Bean("platformRateLimiter")
    @Primary
    @ConditionalOnProperty(name = "platform.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    RateLimiter<?> inMemoryRateLimiter(RateLimitProperties properties) {
        return new InMemoryRateLimiter(properties.replenishRate(), properties.burstCapacity());
    }

    @Bean("platformRateLimiter")
    @Primary
    @ConditionalOnProperty(name = "platform.rate-limit.store", havingValue = "redis")
    RateLimiter<?> redisRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity(), 1);
    }

    /**
     * The client a limit applies to: the authenticated subject (a machine client's id, a person's
     * e-mail) or, for anonymous callers, their address.
     */
    @Bean
    @Primary
    KeyResolver clientKey() {
        return exchange -> exchange.getPrincipal()
                .map(p -> "principal:" + p.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                        .map(InetSocketAddress::getAddress).map(Object::toString).orElse("unknown")));
    }

    @Bean
    PlatformRateLimitGatewayFilterFactory platformRateLimitGatewayFilterFactory(
            @Qualifier("platformRateLimiter") RateLimiter<?> limiter, KeyResolver keys, ProblemWriter problems) {
        return new PlatformRateLimitGatewayFilterFactory(limiter, keys, problems);
    }
}
