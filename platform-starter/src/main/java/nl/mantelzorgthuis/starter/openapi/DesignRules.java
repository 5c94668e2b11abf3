package nl.mantelzorgthuis.starter.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import nl.mantelzorgthuis.starter.security.ApiAccess;
import nl.mantelzorgthuis.starter.web.ApiProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document as the Dutch API Design Rules want it: server URL with the major version,
 * an API-Version header on every success, problem+json (status, title, detail) on every error, and
 * per operation exactly the error statuses its handler can answer ({@link ErrorStatuses}).
 */
public class DesignRules implements OpenApiCustomizer {

    private final ApiProperties api;
    private final ApiAccess access;
    private final RequestMappingHandlerMapping mappings;
    private final ErrorStatuses errors;

    public DesignRules(ApiProperties api, ApiAccess access, RequestMappingHandlerMapping mappings, ErrorStatuses errors) {
        this.api = api;
        this.access = access;
        this.mappings = mappings;
        this.errors = errors;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        String scheme = openApi.getComponents().getSecuritySchemes() == null ? null
                : openApi.getComponents().getSecuritySchemes().keySet().stream().findFirst().orElse(null);
        Paths relative = new Paths();
        openApi.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, op) -> normalise(HttpMethod.valueOf(method.name()), path, op, scheme));
            relative.addPathItem(path.startsWith(api.prefix()) ? path.substring(api.prefix().length()) : path, item);
        });
        openApi.setPaths(relative);
    }

    private void normalise(HttpMethod method, String path, Operation op, String scheme) {
        HandlerMethod handler = handlerFor(method, path);
        ApiResponses responses = op.getResponses();
        responses.keySet().removeIf(code -> code.startsWith("4") || code.startsWith("5") || code.equals("default"));
        if (handler == null) {
            responses.addApiResponse("500", error("Unexpected error"));
            return;
        }
        Map<Integer, Set<String>> statuses = errors.of(method, path, handler, access);
        if (statuses.containsKey(401) && scheme != null) {
            op.addSecurityItem(new SecurityRequirement().addList(scheme));
        }
        statuses.forEach((status, reasons) -> responses.addApiResponse(Integer.toString(status),
                error(ErrorStatuses.describe(status, reasons))));
        responses.forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("3")) {
                response.addHeaderObject("API-Version", new Header().description("The full version of this API")
                        .schema(new StringSchema().example(api.version())));
            }
        });
    }

    /** The controller method behind a documented operation (springdoc writes paths without pattern regexes). */
    HandlerMethod handlerFor(HttpMethod method, String path) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equals(method.name()))) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}").equals(path)) {
                    return entry.getValue();
                }
            }
        }
        return null;
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
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("invalidParams", new ArraySchema().items(invalidParam));
        problem.required(List.of("status", "title", "detail"));
        return problem;
    }
}
