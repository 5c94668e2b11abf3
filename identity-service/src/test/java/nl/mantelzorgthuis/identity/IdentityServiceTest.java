package nl.mantelzorgthuis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import nl.mantelzorgthuis.testsupport.BrowserLogin;
import nl.mantelzorgthuis.testsupport.MongoStore;
import nl.mantelzorgthuis.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The identity provider over HTTP, as machine clients and a browser use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServiceTest {

    static final int PORT = KafkaBroker.freePort();
    static final String ISSUER = "http://localhost:" + PORT;
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The identity service needs no Kafka: only the store. */
    static final MongoStore MONGO = MongoStore.inMemory().start();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("identity.issuer", () -> ISSUER);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("identity_test"));
        registry.add("identity.coordinator.password", () -> "coordinator-password-123");
        registry.add("identity.portal.client-secret", () -> "portal-secret");
        registry.add("identity.portal.redirect-uris", () -> "http://localhost:8080/login/oauth2/code/portal");
        registry.add("identity.seed-file", () -> "src/test/resources/test-seed.json");
    }

    HttpResponse<String> token(String clientId, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=platform")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JWTClaimsSet verify(String jwt) throws Exception {
        String jwks = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString()).body();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(com.nimbusds.jose.JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwks))));
        return processor.process(jwt, null);
    }

    HttpResponse<String> api(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Authorization code with PKCE, as the portal's backend does it for a person. */
    String loginAs(String email, String password) throws Exception {
        return BrowserLogin.accessToken(ISSUER, "portal", "portal-secret", "http://localhost:8080/login/oauth2/code/portal",
                email, password);
    }

    @Test
    void userinfo_answers_for_a_person_logged_in_with_openid() throws Exception {
        String token = loginAs("staff@zwolledoet.nl", "staff-password-123");
        HttpResponse<String> userinfo = api("GET", "/userinfo", token, null);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(userinfo.body()).contains("staff@zwolledoet.nl");
    }

    @Test
    void municipal_client_gets_a_signed_token_naming_its_municipality() throws Exception {
        HttpResponse<String> response = token("gemeente-zwolle", "zwolle-secret");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JWTClaimsSet claims = verify(JSON.readTree(response.body()).get("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).contains("mantelzorg-platform");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("GM0193");
        assertThat(claims.getStringListClaim("roles")).containsExactly("MUNICIPAL_SYSTEM");
    }

    @Test
    void organisation_client_carries_its_organisation_and_wrong_secrets_are_refused() throws Exception {
        JWTClaimsSet claims = verify(JSON.readTree(token("isala-systeem", "isala-secret").body()).get("access_token").asString());
        assertThat(claims.getStringClaim("organisation")).isEqualTo("Isala Ziekenhuis");
        assertThat(claims.getClaim("municipality")).isNull();
        assertThat(token("isala-systeem", "guess").statusCode()).isEqualTo(401);
        assertThat(token("nobody", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void person_logs_in_with_authorization_code_and_pkce_and_gets_roles_and_organisation() throws Exception {
        JWTClaimsSet claims = verify(loginAs("staff@zwolledoet.nl", "staff-password-123"));
        assertThat(claims.getStringListClaim("roles")).containsExactly("ORGANISATION_STAFF");
        // The login's authorization lives in the shared store, so any replica could have served each step.
        try (var client = com.mongodb.client.MongoClients.create(MONGO.uri("identity_test"))) {
            assertThat(client.getDatabase("identity_test").getCollection("authorizations")
                    .countDocuments(new org.bson.Document("principalName", "staff@zwolledoet.nl"))).isPositive();
        }
        assertThat(claims.getStringClaim("organisation")).isEqualTo("Zwolle Doet!");
        assertThat(claims.getAudience()).contains("mantelzorg-platform");
    }

    @Test
    void coordinator_registers_a_client_and_rotates_its_secret_without_downtime() throws Exception {
        String coordinator = loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123");
        HttpResponse<String> registered = api("POST", "/api/v1/clients", coordinator,
                "{\"clientId\":\"gemeente-leiden\",\"name\":\"Gemeente Leiden\",\"municipality\":\"GM0546\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String first = JSON.readTree(registered.body()).get("clientSecret").asString();
        assertThat(token("gemeente-leiden", first).statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/v1/clients", coordinator, null).body()).doesNotContain(first);

        String second = JSON.readTree(api("POST", "/api/v1/clients/gemeente-leiden/secrets", coordinator, null).body())
                .get("clientSecret").asString();
        assertThat(token("gemeente-leiden", first).statusCode()).isEqualTo(200);
        assertThat(token("gemeente-leiden", second).statusCode()).isEqualTo(200);

        assertThat(api("DELETE", "/api/v1/clients/gemeente-leiden/secrets/previous", coordinator, null).statusCode()).isEqualTo(204);
        assertThat(token("gemeente-leiden", first).statusCode()).isEqualTo(401);
        assertThat(token("gemeente-leiden", second).statusCode()).isEqualTo(200);

        JsonNode trail = JSON.readTree(api("GET", "/api/v1/clients/gemeente-leiden/audit", coordinator, null).body()).get("items");
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0).get("action").asString()).isEqualTo("REGISTERED");
        assertThat(trail.get(1).get("action").asString()).isEqualTo("SECRET_ADDED");
        assertThat(trail.get(2).get("action").asString()).isEqualTo("PREVIOUS_SECRETS_RETIRED");
        assertThat(trail.get(2).get("actor").asString()).isEqualTo("coordinator@invoormantelzorg.nl");
        assertThat(trail.toString()).doesNotContain(first, second);

        assertThat(api("POST", "/api/v1/clients", coordinator,
                "{\"clientId\":\"both\",\"name\":\"x\",\"municipality\":\"GM0546\",\"organisation\":\"y\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void coordinator_invites_and_deactivates_staff() throws Exception {
        String coordinator = loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123");
        HttpResponse<String> invited = api("POST", "/api/v1/users", coordinator,
                "{\"email\":\"Joost@Isala.nl\",\"name\":\"Joost\",\"organisation\":\"Isala Ziekenhuis\",\"roles\":[\"ORGANISATION_STAFF\"]}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode account = JSON.readTree(invited.body());
        String activationPath = URI.create(account.get("activationUrl").asString()).getPath();
        // bcrypt hashes 72 bytes and ignores the rest: a longer password is refused, never cut short.
        HttpResponse<String> tooLong = api("POST", activationPath, null, "{\"password\":\"" + "é".repeat(37) + "\"}");
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(tooLong.body()).get("detail").asString()).contains("72 bytes");
        assertThat(api("POST", activationPath, null, "{\"password\":\"a-long-enough-password\"}").statusCode()).isEqualTo(204);
        assertThat(api("POST", activationPath, null, "{\"password\":\"a-long-enough-password\"}").statusCode()).isEqualTo(404);
        assertThat(verify(loginAs("joost@isala.nl", "a-long-enough-password")).getStringClaim("organisation")).isEqualTo("Isala Ziekenhuis");

        assertThat(api("POST", "/api/v1/users", coordinator, "{\"email\":\"joost@isala.nl\",\"name\":\"J\",\"roles\":[\"OPERATOR\"]}")
                .statusCode()).isEqualTo(409);
        assertThat(api("POST", "/api/v1/users/" + account.get("id").asString() + "/deactivate", coordinator, null).statusCode()).isEqualTo(200);
        JsonNode trail = JSON.readTree(api("GET", "/api/v1/users/" + account.get("id").asString() + "/audit", coordinator, null).body()).get("items");
        assertThat(trail).extracting(e -> e.get("action").asString()).containsExactly("INVITED", "ACTIVATED", "DEACTIVATED");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("coordinator@invoormantelzorg.nl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loginAs("joost@isala.nl", "a-long-enough-password"))
                .hasMessageContaining("Login refused");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void activation_links_are_stored_only_as_a_hash_and_expire() throws Exception {
        String coordinator = loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123");
        HttpResponse<String> invited = api("POST", "/api/v1/users", coordinator,
                "{\"email\":\"verloopt@isala.nl\",\"name\":\"Verloopt\",\"organisation\":\"Isala Ziekenhuis\",\"roles\":[\"ORGANISATION_STAFF\"]}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode account = JSON.readTree(invited.body());
        String path = URI.create(account.get("activationUrl").asString()).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        org.bson.Document stored = mongo.findById(account.get("id").asString(), org.bson.Document.class, "accounts");
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("activationTokenHash")).hasSize(64);
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(account.get("id").asString())),
                new org.springframework.data.mongodb.core.query.Update().set("activationExpiresAt", java.util.Date.from(
                        java.time.Instant.now().minusSeconds(60))), "accounts");
        HttpResponse<String> expired = api("POST", path, null, "{\"password\":\"a-long-enough-password\"}");
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(expired.body()).get("detail").asString()).contains("expired");
    }

    @Test
    void admin_api_refuses_anonymous_callers_and_non_coordinators() throws Exception {
        HttpResponse<String> anonymous = api("GET", "/api/v1/users", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(anonymous.body()).get("status").asInt()).isEqualTo(401);
        String staff = loginAs("staff@zwolledoet.nl", "staff-password-123");
        HttpResponse<String> notCoordinator = api("GET", "/api/v1/users", staff, null);
        assertThat(notCoordinator.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(notCoordinator.body()).get("title").asString()).isEqualTo("Not allowed");
        String machine = JSON.readTree(token("gemeente-zwolle", "zwolle-secret").body()).get("access_token").asString();
        assertThat(api("POST", "/api/v1/clients", machine, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void answers_generated_and_hostile_requests_for_every_operation_without_5xx_and_with_documented_problems() throws Exception {
        JsonNode doc = JSON.readTree(api("GET", "/v3/api-docs", null, null).body());
        assertThat(nl.mantelzorgthuis.testsupport.fuzz.ApiFuzzer.standard(doc, ISSUER,
                loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123")).findings()).isEmpty();
    }

    @Test
    void serves_the_admin_api_openapi_document() throws Exception {
        HttpResponse<String> doc = api("GET", "/v3/api-docs", null, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode openapi = JSON.readTree(doc.body());
        assertThat(nl.mantelzorgthuis.testsupport.architecture.AnsweredStatuses.of("nl.mantelzorgthuis.identity")
                .mismatches(openapi, "/api/v1")).isEmpty();
        assertThat(openapi.get("openapi").asString()).startsWith("3.1");
        assertThat(openapi.get("paths").propertyNames()).contains("/users", "/clients", "/clients/{clientId}/secrets");
        assertThat(openapi.get("components").get("securitySchemes").get("platformOAuth").get("flows").propertyNames())
                .contains("clientCredentials", "authorizationCode");
        java.nio.file.Path out = java.nio.file.Path.of("target", "openapi", "identity-service.json");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, doc.body());
    }

    @Test
    void readiness_includes_the_store() throws Exception {
        HttpResponse<String> readiness = api("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(api("GET", "/actuator/prometheus", null, null).body()).contains("http_server_requests_seconds");
    }

    @Test
    void publishes_openid_discovery_for_other_services() throws Exception {
        JsonNode discovery = JSON.readTree(api("GET", "/.well-known/openid-configuration", null, null).body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }
}
