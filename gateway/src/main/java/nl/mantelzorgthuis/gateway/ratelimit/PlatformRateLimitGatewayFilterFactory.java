package nl.mantelzorgthuis.gateway.ratelimit;

import java.nio.charset.StandardCharsets;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's rate limiting (its RateLimiter and KeyResolver), but refusing with what
 * the platform promises clients: 429 problem+json with Retry-After, instead of an empty 429.
 */
public class PlatformRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;

    PlatformRateLimitGatewayFilterFactory(RateLimiter<?> limiter, KeyResolver keys) {
        super(Object.class);
        this.limiter = limiter;
        this.keys = keys;
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
                        var out = exchange.getResponse();
                        out.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                        out.getHeaders().set("Retry-After", "1");
                        out.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
                                + "\"detail\":\"This client sends more requests than its limit allows; retry after the time in Retry-After\"}")
                                .getBytes(StandardCharsets.UTF_8);
                        return out.writeWith(Mono.just(out.bufferFactory().wrap(body)));
                    });
        };
    }
}
