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
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        // Machine clients (bearer tokens) have no use for it; creating one per call costs throughput.
        boolean bearer = exchange.getRequest().getHeaders().containsHeader("Authorization");
        return token == null || bearer ? chain.filter(exchange) : token.then(chain.filter(exchange));
    }
}
