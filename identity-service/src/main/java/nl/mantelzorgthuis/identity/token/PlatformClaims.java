package nl.mantelzorgthuis.identity.token;

import java.util.ArrayList;
import java.util.List;

import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import nl.mantelzorgthuis.identity.account.Account;
import nl.mantelzorgthuis.identity.account.AccountStore;
import nl.mantelzorgthuis.identity.client.ClientStore;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims the platform's services rely on (documented in docs/identity.md, so another OIDC
 * provider can be configured to issue the same):
 * {@code aud} contains the platform audience; {@code roles}; {@code organisation} for organisation
 * staff and organisation clients; {@code municipality} (CBS code) for municipal clients.
 */
@Component
class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AccountStore accounts;
    private final ClientStore clients;
    private final IdentityProperties properties;

    PlatformClaims(AccountStore accounts, ClientStore clients, IdentityProperties properties) {
        this.accounts = accounts;
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            // The portal shows who is logged in and what they may do (its backend reads the ID token).
            accounts.byEmail(context.getPrincipal().getName()).ifPresent(account -> addPerson(context.getClaims(), account));
            return;
        }
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        var claims = context.getClaims();
        List<String> audience = new ArrayList<>(List.of(context.getRegisteredClient().getClientId(), properties.audience()));
        claims.audience(audience);
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            clients.byClientId(context.getRegisteredClient().getClientId()).ifPresent(client -> {
                claims.claim("roles", new ArrayList<>(List.of(client.municipal() ? "MUNICIPAL_SYSTEM" : "ORGANISATION_SYSTEM")));
                if (client.municipal()) {
                    claims.claim("municipality", client.municipality());
                } else {
                    claims.claim("organisation", client.organisation());
                }
                claims.claim("name", client.name());
            });
        } else {
            accounts.byEmail(context.getPrincipal().getName()).ifPresent(account -> addPerson(claims, account));
        }
    }

    private static void addPerson(org.springframework.security.oauth2.jwt.JwtClaimsSet.Builder claims, Account account) {
        // Mutable JDK collections: the stored token metadata is read back through Spring Security's
        // Jackson allow-list, which does not admit List.of() and friends.
        claims.claim("roles", account.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        claims.claim("email", account.email());
        claims.claim("name", account.name());
        if (account.organisation() != null) {
            claims.claim("organisation", account.organisation());
        }
    }

}
