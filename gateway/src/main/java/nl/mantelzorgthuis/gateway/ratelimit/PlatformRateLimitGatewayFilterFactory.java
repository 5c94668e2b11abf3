package nl.mantelzorgthuis.gateway.ratelimit;

import nl.mantelzorgthuis.gateway.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;

/**
 * Spring Cloud Gateway's rate limiting (its RateLimiter and KeyResolver), but refusing with what
 * the platform promises clients: 429 problem+json with Retry-After, instead of an empty 429.
 */
public class PlatformRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;
    private final ProblemWriter problems;

    PlatformRateLimitGatewayFilterFactory(RateLimiter<?> limiter, KeyResolver keys, ProblemWriter problems) {
        super(Object.class);
        this.limiter = limiter;
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "PlatformRateLimit";
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String routeId = route == null ? "default" : route.getId();
            return keys.resolve(exchange).defaultIfEmpty("unknown")
                    .flatMap(key -> limiter.isAllowed(routeId, key))
                    .flatMap(response -> {
                        response.getHeaders().forEach((name, value) -> exchange.getResponse().getHeaders().add(name, value));
                        if (response.isAllowed()) {
                            return chain.filter(exchange);
                        }
                        exchange.getResponse().getHeaders().set("Retry-After", "1");
                        return problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                                "This client sends more requests than its limit allows; retry after the time in Retry-After");
                    });
        };
    }
}
