package nl.mantelzorgthuis.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param corsAllowedOrigins browser origins (e.g. a municipality's own portal) allowed to call the API
 * @param contentSecurityPolicy the CSP sent with every answer, for the portal pages
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "frame-ancestors 'none'; base-uri 'self'") String contentSecurityPolicy) {
}
