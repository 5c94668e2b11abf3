package nl.mantelzorgthuis.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param corsAllowedOrigins browser origins (e.g. a municipality's own portal) allowed to call the API
 * @param contentSecurityPolicy the CSP sent with every answer: exactly what the portal's pages need (its own
 *        scripts and styles, PDOK's background map tiles, calls to its own origin)
 * @param verifiedTokens how many verified bearer tokens the gateway remembers, and for how long at
 *        most (never beyond a token's own expiry)
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://service.pdok.nl; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")
        String contentSecurityPolicy,
        @DefaultValue VerifiedTokenCache verifiedTokens) {

    public record VerifiedTokenCache(@DefaultValue("10000") int maxSize, @DefaultValue("5m") Duration ttl) {
    }
}
