package nl.mantelzorgthuis.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes the XSRF-TOKEN cookie appear on every answer: Spring Security creates the token lazily, and
 * the portal's script must read it to send it back as X-XSRF-TOKEN on writes.
 */
@Component
class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Absent on bearer calls: their security chain has no CSRF protection, so no token is made.
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
    }
}
