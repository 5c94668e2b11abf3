package nl.mantelzorgthuis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import nl.mantelzorgthuis.testsupport.BrowserLogin;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Authentication, rate limits, CORS and security headers of the gateway, in front of a real HTTP
 * backend, with tokens of an issuer whose keys the gateway fetches over HTTP as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.rate-limit.replenish-rate=1", "platform.rate-limit.burst-capacity=3",
        "platform.security.cors-allowed-origins=https://portaal.gemeente-zwolle.nl"})
class GatewaySecurityTest {

    static final TestIssuer issuer = TestIssuer.shared();
    static final Map<String, String> seenByBackend = new ConcurrentHashMap<>();
    static final HttpServer backend = backend();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.services.practice", () -> "http://localhost:" + backend.getAddress().getPort());
        registry.add("platform.identity.issuer", issuer::issuer);
    }

    static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/practices", exchange -> {
                seenByBackend.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    HttpResponse<String> send(String method, String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymous_writes_are_refused_with_a_401_problem_before_reaching_the_service() throws Exception {
        seenByBackend.clear();
        HttpResponse<String> response = send("POST", "/api/v1/practices", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(seenByBackend).isEmpty();
    }

    @Test
    void valid_bearer_token_is_passed_on_to_the_service() throws Exception {
        String token = issuer.municipalClient("gemeente-zwolle-" + System.nanoTime(), "GM0193");
        HttpResponse<String> response = send("POST", "/api/v1/practices", token);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(seenByBackend).containsEntry("authorization", "Bearer " + token);
    }

    @Test
    void expired_foreign_and_wrong_audience_tokens_are_401() throws Exception {
        for (String bad : new String[] {issuer.expired(), issuer.signedByAnotherKey(), issuer.forAnotherAudience()}) {
            assertThat(send("POST", "/api/v1/practices", bad).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void a_malformed_bearer_header_is_a_401_problem_and_never_reaches_the_service() throws Exception {
        seenByBackend.clear();
        for (String header : new String[] {"Bearer not a token", "Bearer abc=def", "Bearer "}) {
            HttpResponse<String> response = send("POST", "/api/v1/practices", null, "Authorization", header);
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
        assertThat(seenByBackend).isEmpty();
    }

    @Test
    void a_token_used_again_keeps_working_and_a_bad_one_keeps_failing() throws Exception {
        String token = issuer.municipalClient("again-" + System.nanoTime(), "GM0193");
        String forged = issuer.signedByAnotherKey();
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/practices", token).statusCode()).isEqualTo(201);
            assertThat(send("POST", "/api/v1/practices", forged).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void each_client_has_its_own_rate_limit_answered_with_429_problem_and_retry_after() throws Exception {
        String busy = issuer.municipalClient("busy-" + System.nanoTime(), "GM0193");
        String calm = issuer.municipalClient("calm-" + System.nanoTime(), "GM0546");
        int limited = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = send("GET", "/api/v1/practices", busy);
            if (response.statusCode() == 429) {
                limited++;
                refused = response;
            }
        }
        assertThat(limited).isPositive();
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(send("GET", "/api/v1/practices", calm).statusCode()).isEqualTo(200);
    }

    @Test
    void answers_carry_security_headers() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/practices", issuer.coordinator());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
    }

    @Test
    void cors_allows_only_configured_origins() throws Exception {
        HttpResponse<String> allowed = send("OPTIONS", "/api/v1/practices", null, "Origin", "https://portaal.gemeente-zwolle.nl",
                "Access-Control-Request-Method", "POST");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://portaal.gemeente-zwolle.nl");
        HttpResponse<String> refused = send("OPTIONS", "/api/v1/practices", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void portal_login_starts_an_authorization_code_flow_with_pkce() throws Exception {
        BrowserLogin browser = new BrowserLogin();
        HttpResponse<String> me = browser.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(302);
        HttpResponse<String> start = browser.follow(URI.create("http://localhost:" + port + "/oauth2/authorization/portal"),
                uri -> uri.toString().startsWith(issuer.issuer()));
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        Map<String, String> params = BrowserLogin.query(authorize);
        assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(params).containsEntry("client_id", "portal").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsEntry("response_type", "code");
    }
}
