package nl.mantelzorgthuis.gateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets, before security and routing: it gets its X-Request-Id (the
 * caller's, if it is a sane one), which goes to the service and back to the caller, so one id ties the
 * gateway's and the service's log lines together, refusals included (trace context, W3C traceparent,
 * is added by Micrometer Tracing); a URL longer than the limit is a 414 problem and a body larger than the
 * limit a 413 problem, counted as it streams in, so {@code Transfer-Encoding: chunked} cannot slip
 * past a Content-Length check. Netty's own line limit is set far above this one, so these answers
 * are the platform's problems, not Netty's empty ones.
 */
@Component
@Order(-300)
@org.springframework.boot.context.properties.EnableConfigurationProperties(EdgeLimits.Limits.class)
class EdgeLimits implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @param maxUriLength path and query, in characters; @param maxBodySize per request */
    @ConfigurationProperties("platform.limits")
    record Limits(@DefaultValue("4096") int maxUriLength, @DefaultValue("2MB") DataSize maxBodySize) {
    }

    private final Limits limits;
    private final ProblemWriter problems;

    EdgeLimits(Limits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, requestId)).build();
        String rawUri = request.getURI().getRawPath() + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        if (rawUri.length() > limits.maxUriLength()) {
            return problems.write(exchange.getResponse(), HttpStatus.URI_TOO_LONG, "URL too long",
                    "The URL is " + rawUri.length() + " characters; at most " + limits.maxUriLength() + " are accepted");
        }
        long max = limits.maxBodySize().toBytes();
        long declared = request.getHeaders().getContentLength();
        if (declared > max) {
            return tooLarge(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                "The request body is larger than " + limits.maxBodySize().toKilobytes() + " kB");
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    /** Random enough to be unique; UUID.randomUUID would take SecureRandom's lock on every call. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than " + limits.maxBodySize().toKilobytes() + " kB");
    }
}
