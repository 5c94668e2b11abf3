package nl.mantelzorgthuis.identity.client;

import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The clients Spring Authorization Server knows: the portal (the gateway as backend-for-frontend,
 * authorization code with PKCE, from configuration) and the machine clients (client credentials,
 * from MongoDB). Clients are registered through the admin API, never through this repository.
 */
@Component
class PlatformClients implements RegisteredClientRepository {

    static final String PLATFORM_SCOPE = "platform";

    private final ClientStore clients;
    private final IdentityProperties properties;
    private final RegisteredClient portal;

    PlatformClients(ClientStore clients, IdentityProperties properties, PasswordEncoder passwords) {
        this.clients = clients;
        this.properties = properties;
        this.portal = portal(properties, passwords);
    }

    private RegisteredClient portal(IdentityProperties properties, PasswordEncoder passwords) {
        IdentityProperties.Portal p = properties.portal();
        if (p.clientSecret() == null || p.clientSecret().isBlank()) {
            return null;
        }
        RegisteredClient.Builder builder = RegisteredClient.withId("portal")
                .clientId(p.clientId())
                .clientSecret(passwords.encode(p.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(PLATFORM_SCOPE)
                .postLogoutRedirectUri(p.postLogoutRedirectUri())
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build());
        p.redirectUris().forEach(builder::redirectUri);
        return builder.build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are registered through /api/v1/clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        if (portal != null && portal.getId().equals(id)) {
            return portal;
        }
        return clients.byId(id).filter(MachineClient::active).map(this::registered).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (portal != null && portal.getClientId().equals(clientId)) {
            return portal;
        }
        return clients.byClientId(clientId).filter(MachineClient::active).map(this::registered).orElse(null);
    }

    private RegisteredClient registered(MachineClient client) {
        List<String> hashes = client.secrets().stream().map(MachineClient.Secret::hash).toList();
        return RegisteredClient.withId(client.id() == null ? UUID.randomUUID().toString() : client.id())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(RotatingSecrets.encodedList(hashes))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(PLATFORM_SCOPE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
    }
}
