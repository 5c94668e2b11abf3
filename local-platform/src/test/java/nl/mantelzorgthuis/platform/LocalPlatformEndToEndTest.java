package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.mantelzorgthuis.testsupport.BrowserLogin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform as a newcomer starts it (launcher, real Kafka broker, Mongo store on its H2
 * file, each service its own process), driven like a municipal system would: HTTP through the
 * gateway, events read from Kafka.
 */
@org.junit.jupiter.api.extension.ExtendWith(RunningPlatform.class)
class LocalPlatformEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalPlatform platform;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(LocalPlatform running) {
        platform = running;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    @Test
    void a_service_killed_with_sigkill_is_restarted_by_the_launcher_and_keeps_what_it_accepted() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI practices = java.net.URI.create(platform.gatewayUrl() + "/api/v1/practices?pageSize=1");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(practices).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        long before = platform.pidOf("practice-service");
        ProcessHandle.of(before).orElseThrow().destroyForcibly();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(platform.pidOf("practice-service")).isNotEqualTo(before);
                    assertThat(http.send(java.net.http.HttpRequest.newBuilder(practices).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("raktijk");
                });
    }

    @Test
    void loads_the_seed_practices_on_first_start() throws Exception {
        JsonNode learning = JSON.readTree(send("GET", "/api/v1/practices?kind=LEARNING_PRACTICE&q=Lerende%20praktijk", null).body());
        assertThat(learning.get("page").get("totalElements").asInt()).isEqualTo(11);
        JsonNode accelerators = JSON.readTree(send("GET", "/api/v1/practices?kind=PRACTICE_ACCELERATOR", null).body());
        assertThat(names(accelerators.get("items"))).containsExactly(
                "Praktijkversneller Maasgouw", "Praktijkversneller Noordoostpolder", "Praktijkversneller Utrecht",
                "Praktijkversneller Zoetermeer", "Praktijkversneller Zwolle");
    }

    static String coordinatorToken() throws Exception {
        return BrowserLogin.accessToken(platform.issuer(), "portal", PlatformConfig.PORTAL_SECRET,
                platform.gatewayUrl() + "/login/oauth2/code/portal", PlatformConfig.DEMO_COORDINATOR,
                PlatformConfig.DEMO_COORDINATOR_PASSWORD);
    }

    @Test
    void loads_the_demo_experiments_with_the_adopted_routing_and_a_run_chart() throws Exception {
        JsonNode routing = JSON.readTree(send("GET", "/api/v1/experiments?q=Routing%20respijtzorg", null).body());
        assertThat(routing.get("items")).hasSize(2);
        JsonNode adopted = routing.get("items").valueStream().filter(e -> e.has("adoptedFrom")).findFirst().orElseThrow();
        assertThat(adopted.get("practiceName").asString()).isEqualTo("Praktijkversneller Noordoostpolder");
        assertThat(adopted.get("adoptedFrom").get("practiceName").asString()).isEqualTo("Lerende praktijk 's-Hertogenbosch");
        JsonNode origin = JSON.readTree(send("GET", "/api/v1/experiments/" + adopted.get("adoptedFrom").get("experimentId").asString(), null).body());
        assertThat(origin.get("adoptions").get(0).get("id").asString()).isEqualTo(adopted.get("id").asString());
        String measure = origin.get("measures").get(0).get("id").asString();
        JsonNode chart = JSON.readTree(send("GET", "/api/v1/experiments/" + origin.get("id").asString() + "/measures/" + measure
                + "/run-chart", null).body());
        assertThat(chart.get("analyses").get(0).get("parts")).hasSize(2);
        JsonNode summary = JSON.readTree(send("GET", "/api/v1/experiments/summary?by=practice", null).body());
        assertThat(summary.findValuesAsString("label")).contains("Praktijkversneller Zoetermeer", "Praktijkversneller Zwolle");
    }

    @Test
    void the_demo_coordinator_following_zwolle_hears_of_a_new_experiment_by_inbox_and_mail_and_the_demo_webhook_gets_it_signed()
            throws Exception {
        String[] auth = {"Authorization", "Bearer " + coordinatorToken()};
        JsonNode practices = JSON.readTree(send("GET", "/api/v1/practices?kind=PRACTICE_ACCELERATOR", null).body()).get("items");
        String zwolle = practices.valueStream().filter(p -> p.get("name").asString().equals("Praktijkversneller Zwolle")).findFirst()
                .orElseThrow().get("id").asString();
        String title = "Mantelzorgcafe " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/experiments", """
                {"practiceId":"%s","title":"%s","level":"NEIGHBOURHOOD_AND_MUNICIPALITY",
                 "outcomes":["COLLABORATION_AMONG_PROFESSIONALS"],"phase":"DISCOVER","organisations":["Zwolle Doet!"]}
                """.formatted(zwolle, title), auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode inbox = await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.readTree(send("GET", "/api/v1/notifications/inbox", null, auth).body()),
                page -> page.get("items").findValuesAsString("title").stream().anyMatch(t -> t.contains(title)));
        assertThat(inbox.get("unread").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.mailbox().mails().stream()
                .anyMatch(m -> subject(m).contains(title)));
        DevMailbox.Call call = await().atMost(Duration.ofSeconds(60)).until(() -> platform.mailbox().calls().stream()
                .filter(c -> c.body().contains(title)).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(call.signature()).isEqualTo("signature valid");
        assertThat(send("GET", "/api/v1/notifications/inbox", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/notifications/nrc/kanaal", null).statusCode()).isEqualTo(200);
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void a_user_runs_an_experiment_through_the_gateway_from_idea_to_run_chart_and_adoption() throws Exception {
        String coordinator = coordinatorToken();
        String[] auth = {"Authorization", "Bearer " + coordinator};
        JsonNode practices = JSON.readTree(send("GET", "/api/v1/practices?kind=PRACTICE_ACCELERATOR", null).body()).get("items");
        String zwolle = practices.valueStream().filter(p -> p.get("name").asString().endsWith("Zwolle")).findFirst().orElseThrow()
                .get("id").asString();
        String utrecht = practices.valueStream().filter(p -> p.get("name").asString().endsWith("Utrecht")).findFirst().orElseThrow()
                .get("id").asString();
        String marker = "e2e" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/experiments", """
                {"practiceId":"%s","title":"Ontslaggesprek met mantelzorger","level":"BEHIND_THE_FRONT_DOOR",
                 "outcomes":["COLLABORATION_CAREGIVERS_PROFESSIONALS"],"phase":"DESIGN","organisations":["Isala Ziekenhuis"],
                 "lessons":[{"kind":"TIP","text":"Bel de mantelzorger de dag voor ontslag %s"}]}
                """.formatted(zwolle, marker), auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        String base = "/api/v1/experiments/" + id;
        for (String status : List.of("PREPARING", "RUNNING")) {
            assertThat(send("POST", base + "/transitions", "{\"status\":\"" + status + "\"}", auth).statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", base + "/cycles", "{\"plan\":\"Bellen voor ontslag\",\"prediction\":\"Minder heropnames\"}", auth)
                .statusCode()).isEqualTo(201);
        HttpResponse<String> measure = send("POST", base + "/measures",
                "{\"name\":\"Gebeld voor ontslag\",\"unit\":\"%\",\"betterWhen\":\"HIGHER\"}", auth);
        String measureId = JSON.readTree(measure.body()).get("id").asString();
        StringBuilder observations = new StringBuilder();
        for (int week = 0; week < 20; week++) {
            observations.append(week == 0 ? "" : ",").append("{\"date\":\"").append(java.time.LocalDate.of(2024, 1, 1).plusWeeks(week))
                    .append("\",\"value\":").append(week < 10 ? 20 + week % 3 : 50 + week % 3).append('}');
        }
        assertThat(send("POST", base + "/measures/" + measureId + "/observations", "{\"observations\":[" + observations + "]}", auth)
                .statusCode()).isEqualTo(200);
        JsonNode chart = JSON.readTree(send("GET", base + "/measures/" + measureId + "/run-chart", null).body());
        assertThat(chart.get("analyses").get(0).get("nonRandomVariation").asBoolean()).isTrue();
        HttpResponse<String> adoption = send("POST", base + "/adoptions", "{\"practiceId\":\"" + utrecht + "\",\"organisations\":[\"Mantelaar\"]}", auth);
        assertThat(adoption.statusCode()).as(adoption.body()).isEqualTo(201);
        JsonNode lessons = JSON.readTree(send("GET", "/api/v1/experiments/lessons?q=" + marker, null).body());
        assertThat(lessons).hasSize(2);
        assertThat(send("POST", base + "/transitions", "{\"status\":\"COMPLETED\"}", auth).statusCode()).isEqualTo(409);
        assertThat(send("POST", base + "/transitions", "{\"status\":\"EVALUATED\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void anyone_searches_the_demo_social_map_through_the_gateway_by_words_place_and_filters() throws Exception {
        JsonNode near = JSON.readTree(send("GET", "/api/v1/socialmap/search?q=logeerhuis&lat=52.5168&lon=6.083&radiusKm=15", null).body());
        assertThat(near.get("items").get(0).get("service").get("name").asString()).isEqualTo("Logeerhuis Zwolle");
        assertThat(near.get("items").get(0).get("service").get("demo").asBoolean()).isTrue();
        JsonNode free = JSON.readTree(send("GET", "/api/v1/socialmap/search?municipality=GM0796&cost=FREE&taxonomyTerm=lotgenotencontact",
                null).body());
        assertThat(free.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(free.get("facets").get("language").get("nl").asInt()).isEqualTo(3);
        JsonNode typo = JSON.readTree(send("GET", "/api/v1/socialmap/search?q=dagbestedng&municipality=GM0546", null).body());
        assertThat(typo.get("items").get(0).get("service").get("name").asString()).isEqualTo("Dagbesteding De Ontmoeting Leiden");
        assertThat(send("POST", "/api/v1/socialmap/services", "{}").statusCode()).isEqualTo(401);
        JsonNode route = JSON.readTree(send("GET", "/api/v1/socialmap/municipalities/GM0171/respite-route", null).body());
        assertThat(route.get("copiedFrom").asString()).isEqualTo("GM0796");
        assertThat(route.get("steps").get(1).get("role").asString()).isEqualTo("mantelzorgconsulent");
    }

    @Test
    void practice_lifecycle_through_the_gateway_reaches_kafka() throws Exception {
        String body = """
                {"name":"E2E-praktijk %s","kind":"LEARNING_PRACTICE","region":"Leiden",
                 "municipalities":[{"cbsCode":"GM0546","name":"Leiden"}],
                 "organisations":[{"name":"Mantelzorgsteunpunt Leiden","type":"WELFARE"}]}
                """.formatted(UUID.randomUUID());
        String coordinator = BrowserLogin.accessToken(platform.issuer(), "portal", PlatformConfig.PORTAL_SECRET,
                platform.gatewayUrl() + "/login/oauth2/code/portal", PlatformConfig.DEMO_COORDINATOR,
                PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        HttpResponse<String> created = send("POST", "/api/v1/practices", body, "Authorization", "Bearer " + coordinator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();

        HttpResponse<String> updated = send("PUT", "/api/v1/practices/" + id,
                body.replace("\"Leiden\",", "\"Leiden en omgeving\","), "If-Match", created.headers().firstValue("ETag").orElseThrow(), "Authorization", "Bearer " + coordinator);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        JsonNode listed = JSON.readTree(send("GET", "/api/v1/practices?region=leiden%20en%20omgeving", null).body());
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);

        assertThat(send("POST", "/api/v1/practices/" + id + "/archive", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/practices/" + id + "/archive", null, "Authorization", "Bearer " + coordinator).statusCode())
                .isEqualTo(200);

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("practice-events"));
            List<ConsumerRecord<String, String>> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        events.add(r);
                    }
                });
                return events.size() >= 3;
            });
            assertThat(events).extracting(r -> JSON.readTree(r.value()).get("type").asString()).containsExactly(
                    "nl.mantelzorgthuis.practice.created.v1", "nl.mantelzorgthuis.practice.updated.v1",
                    "nl.mantelzorgthuis.practice.archived.v1");
        }
    }

    static final String ZWOLLE_PRACTICE = """
            {"name":"Zwolle %s","kind":"LEARNING_PRACTICE","region":"Zwolle",
             "municipalities":[{"cbsCode":"GM0193","name":"Zwolle"}],
             "organisations":[{"name":"Zwolle Doet!","type":"WELFARE"}]}
            """;

    @Test
    void municipal_client_gets_a_token_with_client_credentials_and_writes_only_for_its_municipality() throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=gemeente-zwolle&client_secret=demo-secret-zwolle")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asString();

        assertThat(send("POST", "/api/v1/practices", ZWOLLE_PRACTICE.formatted(UUID.randomUUID()), "Authorization", bearer)
                .statusCode()).isEqualTo(201);
        HttpResponse<String> leiden = send("POST", "/api/v1/practices",
                ZWOLLE_PRACTICE.formatted(UUID.randomUUID()).replace("GM0193", "GM0546"), "Authorization", bearer);
        assertThat(leiden.statusCode()).isEqualTo(403);
        assertThat(leiden.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void staff_log_in_through_the_gateway_and_write_with_their_session() throws Exception {
        BrowserLogin browser = new BrowserLogin();
        URI start = URI.create(platform.gatewayUrl() + "/oauth2/authorization/portal");
        HttpResponse<String> toLogin = browser.follow(start, uri -> uri.getPath().equals("/login"));
        URI login = start.resolve(toLogin.headers().firstValue("Location").orElseThrow());
        URI afterLogin = browser.submitLogin(login, "staff@zwolledoet.nl", "demo-zwolledoet");
        browser.follow(afterLogin, uri -> false);

        HttpResponse<String> me = browser.client().send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/portal/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("staff@zwolledoet.nl");
        assertThat(me.body()).doesNotContain("access_token", "eyJ");

        var cookies = ((java.net.CookieManager) browser.client().cookieHandler().orElseThrow()).getCookieStore().getCookies();
        String xsrf = cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpRequest.Builder write = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/practices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ZWOLLE_PRACTICE.formatted(UUID.randomUUID())));
        assertThat(browser.client().send(write.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a write without the CSRF token").isEqualTo(403);
        HttpResponse<String> created = browser.client().send(write.header("X-XSRF-TOKEN", xsrf).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

}
