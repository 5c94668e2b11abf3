package nl.mantelzorgthuis.notificationservice.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as the Dutch API Design Rules want it: server URL with the major version,
 * an API-Version header on every success, problem+json (status, title, detail) on every error.
 * springdoc derives the operations; this customizer normalises what the rules check.
 */
@Configuration
class OpenApiConfig {

    static final String PREFIX = "/api/v1";

    @Bean
    OpenAPI notificationApi() {
        return new OpenAPI()
                .info(new Info().title("Notification API").version(RequestIdFilter.API_VERSION)
                        .description("What changed on the platform In voor mantelzorg-thuis, for people and systems: follows, "
                                + "an in-app inbox, e-mail (immediately or as a daily or weekly digest), webhooks with signed "
                                + "CloudEvents (Standard Webhooks) and their delivery log, a pull feed, and the kanaal and "
                                + "abonnement resources of the VNG Notificaties API 1.0 under /notifications/nrc.")
                        .contact(new Contact().name("In voor mantelzorg-thuis platform team")
                                .email("platform@invoormantelzorg.nl").url("https://www.invoormantelzorg.nl"))
                        .license(new License().name("EUPL-1.2").url("https://eupl.eu/1.2/nl/")))
                .addServersItem(new Server().url(PREFIX).description("This service, or the gateway in front of it"))
                .components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("platformToken",
                        new io.swagger.v3.oas.models.security.SecurityScheme()
                                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token of the platform's OpenID provider (client credentials for "
                                        + "municipal and organisation systems; the portal session for people). "
                                        + "Only the list of kanalen is public.")));
    }

    @Bean
    OpenApiCustomizer designRules() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            Paths relative = new Paths();
            api.getPaths().forEach((path, item) -> {
                relative.addPathItem(path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path, item);
                item.readOperationsMap().forEach((method, op) -> normalise(method, path, op));
            });
            api.setPaths(relative);
        };
    }

    private static void normalise(PathItem.HttpMethod method, String path, Operation op) {
        ApiResponses responses = op.getResponses();
        Map<String, ApiResponse> errors = new LinkedHashMap<>();
        errors.put("400", error("Invalid request; invalidParams names the fields"));
        boolean open = method == PathItem.HttpMethod.GET && path.contains("/nrc/kanaal");
        if (!open) {
            errors.put("401", error("No valid access token"));
            errors.put("403", error("The token's role does not allow this, or the resource belongs to someone else"));
            op.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("platformToken"));
        }
        if (path.contains("{")) {
            errors.put("404", error("No such resource"));
        }
        errors.put("500", error("Unexpected error"));
        responses.keySet().removeIf(code -> code.startsWith("4") || code.startsWith("5"));
        responses.putAll(errors);
        responses.forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("3")) {
                response.addHeaderObject("API-Version", new Header().description("The full version of this API")
                        .schema(new StringSchema().example(RequestIdFilter.API_VERSION)));
            }
        });
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema invalidParam = new ObjectSchema();
        invalidParam.addProperty("name", new StringSchema());
        invalidParam.addProperty("reason", new StringSchema());
        Schema<?> invalidParams = new io.swagger.v3.oas.models.media.ArraySchema().items(invalidParam);
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("invalidParams", invalidParams);
        problem.required(java.util.List.of("status", "title", "detail"));
        return problem;
    }
}
