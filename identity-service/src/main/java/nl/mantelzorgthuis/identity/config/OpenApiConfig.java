package nl.mantelzorgthuis.identity.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import nl.mantelzorgthuis.starter.web.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin API's OpenAPI document: this provider's OAuth2 flows as the security scheme; the Dutch
 * API Design Rules (problem+json, API-Version, derived error statuses) are the starter's.
 */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI identityApi(IdentityProperties properties, ApiProperties api) {
        SecurityScheme oauth = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Tokens of this OpenID provider; the admin API needs the COORDINATOR role")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl(properties.issuer() + "/oauth2/authorize")
                                .tokenUrl(properties.issuer() + "/oauth2/token").scopes(new Scopes().addString("openid", "OpenID Connect")
                                        .addString("platform", "The platform's APIs")))
                        .clientCredentials(new OAuthFlow().tokenUrl(properties.issuer() + "/oauth2/token")
                                .scopes(new Scopes().addString("platform", "The platform's APIs"))));
        return new OpenAPI()
                .info(new Info().title("Identity admin API").version(api.version())
                        .description("Staff accounts and machine clients of the In voor mantelzorg-thuis platform")
                        .contact(new Contact().name("In voor mantelzorg-thuis platform team")
                                .email("platform@invoormantelzorg.nl").url("https://www.invoormantelzorg.nl")))
                .addServersItem(new Server().url(api.prefix()))
                .components(new Components().addSecuritySchemes("platformOAuth", oauth));
    }
}
