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
        String activationPage = URI.create(account.get("activationUrl").asString()).getPath();
        assertThat(activationPage).startsWith("/activeren/");
        String activationPath = "/api/v1/activations/" + activationPage.substring("/activeren/".length());
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
        assertThat(api("POST", "/api/v1/users/" + account.get("id").asString() + "/password-reset", coordinator, null).statusCode())
                .as("no reset link for a deactivated account").isEqualTo(404);
    }

    @Test
    void a_forgotten_password_is_replaced_with_a_new_one_time_link_from_a_coordinator() throws Exception {
        String coordinator = loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123");
        JsonNode account = JSON.readTree(api("POST", "/api/v1/users", coordinator,
                "{\"email\":\"vergeten@isala.nl\",\"name\":\"Vergeten\",\"organisation\":\"Isala Ziekenhuis\",\"roles\":[\"ORGANISATION_STAFF\"]}").body());
        String first = URI.create(account.get("activationUrl").asString()).getPath().substring("/activeren/".length());
        assertThat(api("POST", "/api/v1/activations/" + first, null, "{\"password\":\"het-eerste-wachtwoord\"}").statusCode()).isEqualTo(204);

        HttpResponse<String> reset = api("POST", "/api/v1/users/" + account.get("id").asString() + "/password-reset", coordinator, null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String second = URI.create(JSON.readTree(reset.body()).get("activationUrl").asString()).getPath().substring("/activeren/".length());
        assertThat(second).isNotEqualTo(first);
        assertThat(verify(loginAs("vergeten@isala.nl", "het-eerste-wachtwoord")).getSubject()).isEqualTo("vergeten@isala.nl");
        assertThat(api("POST", "/api/v1/activations/" + second, null, "{\"password\":\"het-tweede-wachtwoord\"}").statusCode()).isEqualTo(204);
        assertThat(api("POST", "/api/v1/activations/" + second, null, "{\"password\":\"nog-een-wachtwoord!\"}").statusCode()).isEqualTo(404);
        assertThat(verify(loginAs("vergeten@isala.nl", "het-tweede-wachtwoord")).getSubject()).isEqualTo("vergeten@isala.nl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loginAs("vergeten@isala.nl", "het-eerste-wachtwoord"))
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
        HttpResponse<String> expired = api("POST", "/api/v1/activations/" + token, null, "{\"password\":\"a-long-enough-password\"}");
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
        // The issuer's port is random here: written as the local platform's, so the portal's copy is stable.
        String stable = doc.body().replaceAll("http://localhost:\\d+/oauth2/", "http://localhost:9000/oauth2/");
        java.nio.file.Path out = java.nio.file.Path.of("target", "openapi", "identity-service.json");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, stable);
        nl.mantelzorgthuis.testsupport.PortalApiCopy.assertCurrent(JSON.readTree(stable), "identity-service");
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

    @Test
    void the_login_page_is_dutch_in_the_portal_design_and_says_why_a_login_failed() throws Exception {
        nl.mantelzorgthuis.testsupport.BrowserLogin browser = new nl.mantelzorgthuis.testsupport.BrowserLogin();
        HttpResponse<String> page = browser.follow(URI.create(ISSUER + "/login"), uri -> false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"nl\"", "<h1 class=\"utrecht-heading-1\">Inloggen</h1>", "E-mailadres",
                "Wachtwoord vergeten?", "/ontwerp/huisstijl.css", "name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
        HttpResponse<String> css = browser.follow(URI.create(ISSUER + "/ontwerp/huisstijl.css"), uri -> false);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.body()).contains(".voorbeeld-theme", ".utrecht-button", ".mantelzorg-theme");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> browser.submitLogin(URI.create(ISSUER + "/login"),
                "coordinator@invoormantelzorg.nl", "wrong-password-123")).hasMessageContaining("Login refused");
        assertThat(browser.follow(URI.create(ISSUER + "/login?error"), uri -> false).body())
                .contains("Het e-mailadres of het wachtwoord klopt niet", "role=\"alert\"", "aria-invalid=\"true\"");
        assertThat(browser.follow(URI.create(ISSUER + "/wachtwoord-vergeten"), uri -> false).body()).contains("nieuwe link", "48");
    }

    @Test
    void an_invited_person_chooses_a_password_on_the_dutch_activation_page() throws Exception {
        String coordinator = loginAs("coordinator@invoormantelzorg.nl", "coordinator-password-123");
        JsonNode account = JSON.readTree(api("POST", "/api/v1/users", coordinator,
                "{\"email\":\"pagina@isala.nl\",\"name\":\"Pagina\",\"organisation\":\"Isala Ziekenhuis\",\"roles\":[\"ORGANISATION_STAFF\"]}").body());
        URI link = URI.create(account.get("activationUrl").asString());
        nl.mantelzorgthuis.testsupport.BrowserLogin browser = new nl.mantelzorgthuis.testsupport.BrowserLogin();
        HttpResponse<String> form = browser.follow(link, uri -> false);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Wachtwoord kiezen", "Herhaal het wachtwoord");

        assertThat(choose(browser, link, form.body(), "kort", "kort").body()).contains("minstens 12 tekens", "aria-invalid=\"true\"");
        assertThat(choose(browser, link, form.body(), "een-lang-wachtwoord", "een-ander-wachtwoord").body()).contains("niet gelijk");
        assertThat(choose(browser, link, form.body(), "é".repeat(37), "é".repeat(37)).body()).contains("hoogstens 72");
        HttpResponse<String> done = choose(browser, link, form.body(), "mijn eigen wachtwoord", "mijn eigen wachtwoord");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?geactiveerd");
        assertThat(verify(loginAs("pagina@isala.nl", "mijn eigen wachtwoord")).getSubject()).isEqualTo("pagina@isala.nl");
        assertThat(choose(browser, link, form.body(), "mijn eigen wachtwoord", "mijn eigen wachtwoord").body())
                .contains("Deze link werkt niet (meer)");
    }

    private static HttpResponse<String> choose(nl.mantelzorgthuis.testsupport.BrowserLogin browser, URI link, String page,
            String password, String repeated) throws Exception {
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&repeated=" + java.net.URLEncoder.encode(repeated, StandardCharsets.UTF_8);
        return browser.client().send(HttpRequest.newBuilder(link).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
