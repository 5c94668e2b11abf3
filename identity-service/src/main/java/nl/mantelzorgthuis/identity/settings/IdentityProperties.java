package nl.mantelzorgthuis.identity.settings;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer          the issuer URI in every token; services trust tokens of this issuer only
 * @param audience        added to every access token; services refuse tokens without it
 * @param accessTokenTtl  lifetime of access tokens
 * @param activationTtl   how long an invitation's activation link works
 * @param coordinator     the first coordinator, created on first start when none exists
 * @param portal          the portal's backend-for-frontend (the gateway) as an OAuth2 client
 * @param seedFile        optional JSON file with demo accounts and clients (local platform only)
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("mantelzorg-platform") String audience,
        @DefaultValue("10m") Duration accessTokenTtl,
        @DefaultValue("48h") Duration activationTtl,
        @DefaultValue Coordinator coordinator,
        @DefaultValue Portal portal,
        String seedFile) {

    public record Coordinator(
            @DefaultValue("coordinator@invoormantelzorg.nl") String email,
            String password,
            @DefaultValue("Programmacoördinator") String name) {
    }

    public record Portal(
            @DefaultValue("portal") String clientId,
            String clientSecret,
            @DefaultValue("http://localhost:8080/login/oauth2/code/portal") List<String> redirectUris,
            @DefaultValue("http://localhost:8080/") String postLogoutRedirectUri) {
    }
}
