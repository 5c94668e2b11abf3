package nl.mantelzorgthuis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a real HTTP backend on this machine (a JDK HttpServer standing in for a
 * service: the behaviour under test is the gateway's), plus a port where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s")
@Import(GatewayRoutingTest.DownServiceRoute.class)
class GatewayRoutingTest {

    /** A route to a port where nothing listens, as for a service that is down. */
    @TestConfiguration
    static class DownServiceRoute {
        @Bean
        RouteLocator downService(RouteLocatorBuilder routes) {
            return routes.routes().route("down-service", r -> r.path("/api/v1/down/**")
                    .filters(f -> f.circuitBreaker(c -> c.setName("down-service").setFallbackUri("forward:/fallback/down-service")))
                    .uri("http://localhost:" + closedPort())).build();
        }
    }

    static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    static final Map<String, Integer> flakyCalls = new ConcurrentHashMap<>();
    static final HttpServer backend = backend();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("platform.services.practice", () -> "http://localhost:" + backend.getAddress().getPort());
        registry.add("platform.services.experiment", () -> "http://localhost:" + experimentBackend.getAddress().getPort());
        registry.add("platform.services.socialmap", () -> "http://localhost:" + experimentBackend.getAddress().getPort());
        registry.add("platform.services.notification", () -> "http://localhost:" + experimentBackend.getAddress().getPort());
        registry.add("platform.identity.issuer", () -> TestIssuer.shared().issuer());
    }

    static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/practices", exchange -> {
                exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        Thread.sleep(5000); // longer than the 2 s route time limit of this test
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // Answers 503 to the first call of each kind, then 200: shows what the gateway retries.
            server.createContext("/api/v1/practices/flaky", exchange -> {
                String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
                int call = flakyCalls.merge(key, 1, Integer::sum);
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(call == 1 ? 503 : 200, -1);
                exchange.close();
            });
            server.createContext("/v3/api-docs", exchange -> {
                byte[] body = "{\"openapi\":\"3.1.0\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands in for experiment-service: says who answered, so the test sees where a path was routed. */
    static final HttpServer experimentBackend = experimentBackend();

    static HttpServer experimentBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("{\"answeredBy\":\"experiment-service\",\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routes_experiments_and_a_practices_experiments_to_experiment_service() throws Exception {
        assertThat(get("/api/v1/experiments?q=route").body()).contains("experiment-service");
        assertThat(get("/api/v1/experiments/e1/measures/m1/run-chart").body()).contains("experiment-service");
        assertThat(get("/api/v1/practices/p1/experiments").body()).contains("experiment-service", "/api/v1/practices/p1/experiments");
        assertThat(get("/api/v1/practices/p1").body()).doesNotContain("experiment-service");
        assertThat(get("/openapi/experiment-service.json").statusCode()).isEqualTo(200);
        // The social map shares this stand-in (without its route the gateway would answer 404).
        assertThat(get("/api/v1/socialmap/search?q=logeeropvang").body()).contains("\"path\":\"/api/v1/socialmap/search\"");
        // So does the notification-service, ZGW paths included.
        assertThat(get("/api/v1/notifications/nrc/kanaal").body()).contains("\"path\":\"/api/v1/notifications/nrc/kanaal\"");
        assertThat(get("/openapi/notification-service.json").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
        experimentBackend.stop(0);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void refuses_hostile_urls_methods_and_oversized_bodies_with_problems_and_a_request_id() throws Exception {
        for (String path : List.of("/api/v1/practices/a%2Fb", "/api/v1/practices/a%5Cb", "/api/v1/practices/a;b",
                "/api/v1/practices/%00", "/api/v1/practices/a%0D%0Ab", "/api/v1/practices/%2E%2E/x")) {
            assertProblem(get(path), 400);
        }
        HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(trace, 405);
        assertProblem(get("/api/v1/practices?q=" + "a".repeat(5000)), 414);
        assertProblem(get("/api/v1/practices?q=" + "a".repeat(100_000)), 414);

        String token = TestIssuer.shared().coordinator();
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(declared, 413);
        // Without a Content-Length (chunked), counted as it streams.
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413);
        assertThat(get("/api/v1/practices?region=Zwolle").statusCode()).isEqualTo(200);
    }

    @Test
    void choosing_a_password_with_an_activation_link_needs_no_token() throws Exception {
        HttpResponse<String> activation = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/activations/some-token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"a-long-enough-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(activation.statusCode()).as(activation.body()).isNotEqualTo(401).isNotEqualTo(403);
        HttpResponse<String> invite = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(invite, 401);
    }

    @Test
    void routes_practice_calls_with_request_id_and_trace_context() throws Exception {
        HttpResponse<String> response = get("/api/v1/practices?region=Zwolle", "X-Request-Id", "abc-123");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"items\":[]}");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("abc-123");
        assertThat(lastHeaders).containsEntry("x-request-id", "abc-123").containsKey("traceparent");
    }

    @Test
    void replaces_an_unsafe_request_id_with_a_fresh_one() throws Exception {
        HttpResponse<String> response = get("/api/v1/practices", "X-Request-Id", "<script>");
        assertThat(response.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void answers_503_problem_when_the_service_is_down() throws Exception {
        HttpResponse<String> response = get("/api/v1/down/anything");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("\"status\":503", "down-service");
    }

    @Test
    void answers_504_problem_when_the_service_is_too_slow() throws Exception {
        HttpResponse<String> response = get("/api/v1/practices/slow");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"status\":504", "did not answer in time");
    }

    @Test
    void retries_only_idempotent_calls() throws Exception {
        String id = "?n=" + System.nanoTime();
        assertThat(get("/api/v1/practices/flaky" + id).statusCode()).isEqualTo(200);
        assertThat(flakyCalls).containsEntry("GET /api/v1/practices/flaky" + id, 2);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices/flaky" + id))
                .header("Authorization", "Bearer " + TestIssuer.shared().coordinator())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(flakyCalls).containsEntry("POST /api/v1/practices/flaky" + id, 1);
    }

    @Test
    void refuses_request_bodies_over_the_size_limit() throws Exception {
        byte[] tooLarge = new byte[3 * 1024 * 1024];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices"))
                .header("Authorization", "Bearer " + TestIssuer.shared().coordinator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unknown_paths_are_404_problems() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void the_hsds_feed_is_open_to_every_origin_and_the_rest_of_the_api_is_not() throws Exception {
        HttpResponse<String> feed = get("/api/v1/socialmap/hsds/services", "Origin", "https://sociale-kaart.example.org");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
        assertThat(feed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/socialmap/hsds/services")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sociale-kaart.example.org").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/socialmap/hsds/import/services.json")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sociale-kaart.example.org").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/socialmap/search", "Origin", "https://sociale-kaart.example.org").statusCode()).isEqualTo(403);
    }

    @Test
    void publishes_the_practice_service_openapi_document() throws Exception {
        HttpResponse<String> response = get("/openapi/practice-service.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3.1.0");
    }

    @Test
    void offers_one_place_to_browse_every_api() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/openapi/practice-service.json", "/openapi/identity-service.json",
                "/openapi/socialmap-hsds.json");
        // The HSDS API's own document (snake_case names kept) is served by socialmap-service.
        assertThat(get("/openapi/socialmap-hsds.json").body()).contains("\"path\":\"/api/v1/socialmap/hsds/openapi.json\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void exposes_health_and_prometheus() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        get("/api/v1/practices");
        assertThat(get("/actuator/prometheus").body()).contains("spring_cloud_gateway_requests_seconds", "resilience4j_circuitbreaker_state");
    }
}
