package nl.mantelzorgthuis.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: every status comes back as a response, never as an exception. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;
    private final String baseUrl;
    private final String token;

    public Api(String baseUrl) {
        this(baseUrl, null);
    }

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        this.client = builder.build();
    }

    /** The same API, called with this bearer token (null: anonymously). */
    public Api as(String bearerToken) {
        return new Api(baseUrl, bearerToken);
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, null);
    }

    public Response post(String path, String json) {
        return call(HttpMethod.POST, path, json, null);
    }

    public Response put(String path, String json, String ifMatch) {
        return call(HttpMethod.PUT, path, json, ifMatch);
    }

    public Response call(HttpMethod method, String path, String json, String ifMatch) {
        var spec = client.method(method).uri(path);
        if (ifMatch != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (json != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        ResponseEntity<String> entity = spec.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody());
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
