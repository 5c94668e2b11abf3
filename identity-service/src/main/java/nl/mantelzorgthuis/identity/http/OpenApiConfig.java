package nl.mantelzorgthuis.identity.http;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import nl.mantelzorgthuis.identity.IdentityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's OpenAPI document, shaped for the Dutch API Design Rules like every platform API. */
@Configuration
class OpenApiConfig {

    static final String PREFIX = "/api/v1";
    static final String API_VERSION = "1.0.0";

    @Bean
    OpenAPI identityApi(IdentityProperties properties) {
        SecurityScheme oauth = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Tokens of this OpenID provider; the admin API needs the COORDINATOR role")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl(properties.issuer() + "/oauth2/authorize")
                                .tokenUrl(properties.issuer() + "/oauth2/token").scopes(new Scopes().addString("openid", "OpenID Connect")
                                        .addString("platform", "The platform's APIs")))
                        .clientCredentials(new OAuthFlow().tokenUrl(properties.issuer() + "/oauth2/token")
                                .scopes(new Scopes().addString("platform", "The platform's APIs"))));
        return new OpenAPI()
                .info(new Info().title("Identity admin API").version(API_VERSION)
                        .description("Staff accounts and machine clients of the In voor mantelzorg-thuis platform")
                        .contact(new Contact().name("In voor mantelzorg-thuis platform team")
                                .email("platform@invoormantelzorg.nl").url("https://www.invoormantelzorg.nl")))
                .addServersItem(new Server().url(PREFIX))
                .components(new Components().addSecuritySchemes("platformOAuth", oauth));
    }

    @Bean
    OpenApiCustomizer designRules() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            Paths relative = new Paths();
            api.getPaths().forEach((path, item) -> {
                relative.addPathItem(path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path, item);
                item.readOperationsMap().forEach((method, op) -> {
                    var responses = op.getResponses();
                    responses.keySet().removeIf(code -> code.startsWith("4") || code.startsWith("5"));
                    responses.forEach((code, response) -> response.addHeaderObject("API-Version",
                            new Header().description("The full version of this API").schema(new StringSchema().example(API_VERSION))));
                    responses.addApiResponse("400", error("Invalid request"));
                    if (!path.contains("/activations/")) {
                        responses.addApiResponse("401", error("No valid access token"));
                        responses.addApiResponse("403", error("Only coordinators may do this"));
                        op.addSecurityItem(new SecurityRequirement().addList("platformOAuth"));
                    }
                    if (path.contains("{")) {
                        responses.addApiResponse("404", error("No such account, client or activation"));
                    }
                    if (method == io.swagger.v3.oas.models.PathItem.HttpMethod.POST) {
                        responses.addApiResponse("409", error("Already exists"));
                        responses.addApiResponse("422", error("Breaks a rule, e.g. a client with two tenants"));
                    }
                });
            });
            api.setPaths(relative);
        };
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.required(List.of("status", "title", "detail"));
        return problem;
    }
}
