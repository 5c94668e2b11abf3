package nl.mantelzorgthuis.practiceservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Api.Response;
import nl.mantelzorgthuis.testsupport.EventProbe;
import nl.mantelzorgthuis.testsupport.EventContracts;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The practice-service behaviour over HTTP against a running service, a real Kafka broker and a
 * MongoDB-compatible store. Written once; subclasses choose the infrastructure (embedded here,
 * Testcontainers where Docker exists).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PracticeApiContract {

    static final String TOPIC = "practice-events";

    @LocalServerPort
    int port;

    Api api;

    protected abstract Infrastructure infrastructure();

    static void register(DynamicPropertyRegistry registry, Infrastructure infra, String database) {
        registry.add("spring.mongodb.uri", () -> infra.mongoUri(database));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("platform.outbox.poll-interval", () -> "200ms");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuer());
    }

    static final TestIssuer issuer = TestIssuer.shared();

    /** Anonymous: what the public sees. */
    Api anonymous;

    @BeforeEach
    void client() {
        anonymous = new Api("http://localhost:" + port);
        api = anonymous.as(issuer.coordinator());
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String accelerator(String name, String region, int organisations) {
        StringBuilder orgs = new StringBuilder();
        for (int i = 0; i < organisations; i++) {
            orgs.append(i == 0 ? "" : ",").append("{\"name\":\"Organisatie ").append(i).append("\",\"type\":\"WELFARE\"}");
        }
        return """
                {"name":"%s","kind":"PRACTICE_ACCELERATOR","region":"%s",
                 "municipalities":[{"cbsCode":"GM1641","name":"Maasgouw"}],
                 "organisations":[%s],
                 "positiveCoreTheme":"Mantelzorgers in beeld om hun veerkracht te versterken",
                 "designQuestions":["Hoe kunnen professionals oog en oor voor mantelzorgers hebben?"],
                 "centralQuestions":["KEEP_UP_CARING"],
                 "startDate":"2023-01-01","endDate":"2023-12-31","status":"ACTIVE"}
                """.formatted(name, region, orgs);
    }

    Response create(String body) {
        Response created = api.post("/api/v1/practices", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    @Test
    void creates_and_reads_a_practice_with_location_etag_and_api_version() {
        Response created = create(accelerator(unique("Maasgouw"), "Maasgouw", 3));
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/practices/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("API-Version")).isEqualTo("1.0.0");
        assertThat(created.header("X-Request-Id")).isNotBlank();

        Response read = api.get("/api/v1/practices/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode practice = read.json();
        assertThat(practice.get("kind").asString()).isEqualTo("PRACTICE_ACCELERATOR");
        assertThat(practice.get("organisations")).hasSize(3);
        assertThat(practice.get("municipalities").get(0).get("cbsCode").asString()).isEqualTo("GM1641");
        assertThat(practice.get("startDate").asString()).isEqualTo("2023-01-01");
    }

    @Test
    void rejects_invalid_practice_with_problem_details_naming_the_fields() {
        Response response = api.post("/api/v1/practices", """
                {"name":"","kind":"LEARNING_PRACTICE","region":"Leiden",
                 "municipalities":[{"cbsCode":"0546","name":"Leiden"}],
                 "contacts":[{"role":"coordinator","name":"A. de Vries","email":"not-an-email"}]}
                """);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("invalidParams").findValuesAsString("name"))
                .containsExactlyInAnyOrder("name", "municipalities[0].cbsCode", "contacts[0].email");
    }

    @Test
    void rejects_practice_accelerator_with_fewer_than_three_organisations() {
        Response response = api.post("/api/v1/practices", accelerator(unique("Zoetermeer"), "Zoetermeer", 2));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("organisations");
    }

    @Test
    void unreadable_bodies_and_unknown_values_are_400_never_500() {
        assertThat(api.post("/api/v1/practices", "{not json").status()).isEqualTo(400);
        Response unknownKind = api.post("/api/v1/practices", accelerator("X", "Y", 3).replace("PRACTICE_ACCELERATOR", "CLUB"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("detail").asString()).doesNotContain("nl.mantelzorgthuis");
        assertThat(api.get("/api/v1/practices?kind=CLUB").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/practices?pageSize=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/practices?municipality=Leiden").status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.PUT, "/api/v1/practices/x", "[]", "\"1\"").status()).isEqualTo(400);
    }

    @Test
    void unknown_practice_is_a_404_problem() {
        Response response = api.get("/api/v1/practices/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.put("/api/v1/practices/" + UUID.randomUUID(), accelerator("A", "B", 3), "\"1\"").status()).isEqualTo(404);
    }

    @Test
    void update_requires_if_match_and_refuses_a_stale_version() {
        String name = unique("Noordoostpolder");
        String id = create(accelerator(name, "Noordoostpolder", 3)).json().get("id").asString();
        String changed = accelerator(name, "Noordoostpolder", 4);

        assertThat(api.put("/api/v1/practices/" + id, changed, null).status()).isEqualTo(428);
        assertThat(api.put("/api/v1/practices/" + id, changed, "nonsense").status()).isEqualTo(400);

        Response first = api.put("/api/v1/practices/" + id, changed, "\"1\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(first.json().get("organisations")).hasSize(4);

        Response stale = api.put("/api/v1/practices/" + id, accelerator(name, "Noordoostpolder", 5), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asString()).contains("version 2");
        assertThat(api.get("/api/v1/practices/" + id).json().get("organisations")).hasSize(4);

        assertThat(api.put("/api/v1/practices/" + id, accelerator(name, "Noordoostpolder", 3), "*").status()).isEqualTo(200);
    }

    @Test
    void an_update_that_leaves_a_field_out_clears_it() {
        String name = unique("Zoetermeer");
        String id = create(accelerator(name, "Zoetermeer", 3)).json().get("id").asString();
        String withoutEnd = accelerator(name, "Zoetermeer", 3).replace(",\"endDate\":\"2023-12-31\"", "");
        assertThat(withoutEnd).doesNotContain("endDate");
        assertThat(api.put("/api/v1/practices/" + id, withoutEnd, "\"1\"").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/practices/" + id).json().has("endDate")).isFalse();
    }

    @Test
    void archived_practice_is_read_only_and_left_out_of_the_default_list() {
        String region = unique("Stein");
        String id = create(accelerator(unique("Stein"), region, 3)).json().get("id").asString();

        Response archived = api.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null).json().get("version").asLong())
                .isEqualTo(2);

        Response change = api.put("/api/v1/practices/" + id, accelerator("Stein", region, 3), "*");
        assertThat(change.status()).isEqualTo(409);

        assertThat(api.get("/api/v1/practices?region=" + region).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/practices?status=ARCHIVED&region=" + region).json().get("items")).hasSize(1);
    }

    @Test
    void lists_with_filters_and_pages() {
        String region = unique("Regio");
        String theme = unique("thema");
        for (int i = 0; i < 3; i++) {
            create(accelerator("Praktijk " + i + " " + theme, region, 3));
        }
        create("""
                {"name":"Lerende praktijk %s","kind":"LEARNING_PRACTICE","region":"%s",
                 "municipalities":[{"cbsCode":"GM0193","name":"Zwolle"}],
                 "organisations":[{"name":"Isala Ziekenhuis","type":"HOSPITAL"}]}
                """.formatted(theme, region));

        assertThat(api.get("/api/v1/practices?region=" + region).json().get("page").get("totalElements").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/practices?region=" + region.toUpperCase()).json().get("items")).hasSize(4);
        assertThat(api.get("/api/v1/practices?kind=LEARNING_PRACTICE&region=" + region).json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/practices?municipality=GM0193&region=" + region).json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/practices?organisation=isala ziekenhuis&region=" + region).json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/practices?status=COMPLETED&region=" + region).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/practices?q=" + theme.toUpperCase()).json().get("items")).hasSize(4);

        JsonNode page1 = api.get("/api/v1/practices?region=" + region + "&pageSize=3&page=1").json();
        assertThat(page1.get("items")).hasSize(1);
        assertThat(page1.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void publishes_a_cloud_event_per_change_matching_the_contract() {
        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), TOPIC)) {
            String name = unique("Utrecht");
            String id = create(accelerator(name, "Utrecht", 3)).json().get("id").asString();
            api.put("/api/v1/practices/" + id, accelerator(name, "Utrecht", 4), "\"1\"");
            api.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null);

            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.withKey(id), list -> list.size() >= 3);

            assertThat(events).extracting(r -> Api.parse(r.value()).get("type").asString()).containsExactly(
                    "nl.mantelzorgthuis.practice.created.v1", "nl.mantelzorgthuis.practice.updated.v1",
                    "nl.mantelzorgthuis.practice.archived.v1");
            assertThat(events).extracting(r -> Api.parse(r.value()).get("aggregateversion").asInt()).containsExactly(1, 2, 3);
            for (ConsumerRecord<String, String> event : events) {
                assertThat(EventContracts.violations("practice/practice-event.schema.json", event.value()))
                        .as(event.value()).isEmpty();
                assertThat(Api.parse(event.value()).get("subject").asString()).isEqualTo(id);
            }
            // Once published, nothing waits in the outbox any more.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.get("/actuator/metrics/outbox.pending?tag=collection:practices").json().get("measurements").get(0).get("value").asDouble())
                    .isZero());
        }
    }

    @Test
    void accepted_write_while_kafka_is_down_is_published_exactly_once_when_it_is_back() {
        Infrastructure infra = infrastructure();
        String name = unique("Zwolle");
        String id;
        double failuresBefore = publishFailures();
        infra.stopKafka();
        try {
            id = create(accelerator(name, "Zwolle", 3)).json().get("id").asString();
            assertThat(api.get("/api/v1/practices/" + id).status()).isEqualTo(200);
            // The relay really tried and failed while the broker was away.
            await().atMost(Duration.ofSeconds(60)).until(this::publishFailures, failures -> failures > failuresBefore);
            // Still ready: it serves reads and keeps writes for later; only the broker's own indicator is down.
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/actuator/prometheus").body())
                    .contains("kafka_reachable{application=\"practice-service\"} 0.0"));
        } finally {
            infra.startKafka();
        }
        try (EventProbe probe = new EventProbe(infra.kafkaBootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.withKey(id), list -> !list.isEmpty());
            // A later change of the same practice is published after the first (one relay, in order):
            // once it is seen, any duplicate of the first would have been seen too.
            assertThat(api.put("/api/v1/practices/" + id, accelerator(name, "Zwolle", 4), "\"1\"").status()).isEqualTo(200);
            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.withKey(id), list -> list.stream().anyMatch(r -> r.value().contains("updated.v1")));
            List<String> ids = events.stream().map(r -> Api.parse(r.value()).get("id").asString()).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(2);
        }
    }

    @Test
    void writes_need_a_token_while_reads_stay_public() {
        String id = create(accelerator(unique("Leusden"), "Leusden", 3)).json().get("id").asString();
        Response anonymousWrite = anonymous.post("/api/v1/practices", accelerator(unique("X"), "X", 3));
        assertThat(anonymousWrite.status()).isEqualTo(401);
        assertThat(anonymousWrite.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymousWrite.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.put("/api/v1/practices/" + id, accelerator("Y", "Y", 3), "*").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/practices/" + id).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/practices?region=Leusden").status()).isEqualTo(200);
    }

    @Test
    void expired_wrongly_signed_and_wrong_audience_tokens_are_401() {
        for (String bad : List.of(issuer.expired(), issuer.signedByAnotherKey(), issuer.forAnotherAudience(), "not-a-jwt")) {
            Response response = anonymous.as(bad).post("/api/v1/practices", accelerator(unique("Ede"), "Ede", 3));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Exception", "nimbus");
        }
    }

    @Test
    void organisation_staff_change_only_practices_their_organisation_takes_part_in() {
        Api staffA = anonymous.as(issuer.staff("Organisatie 1"));
        Api staffB = anonymous.as(issuer.staff("Proteion"));
        String name = unique("Maasgouw");
        Response created = staffA.post("/api/v1/practices", accelerator(name, "Maasgouw", 3));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Response foreign = staffB.put("/api/v1/practices/" + id, accelerator(name, "Maasgouw", 4), "\"1\"");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(staffB.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null).status()).isEqualTo(403);
        assertThat(staffB.post("/api/v1/practices", accelerator(unique("X"), "X", 3)).status()).isEqualTo(403);

        assertThat(staffA.put("/api/v1/practices/" + id, accelerator(name, "Maasgouw", 4), "\"1\"").status()).isEqualTo(200);
        // Nobody hands a practice over: staff cannot remove their own organisation from it.
        String withoutA = accelerator(name, "Maasgouw", 4).replace("Organisatie 1", "Organisatie 9");
        assertThat(staffA.put("/api/v1/practices/" + id, withoutA, "\"2\"").status()).isEqualTo(403);
        assertThat(anonymous.as(issuer.operator()).put("/api/v1/practices/" + id, accelerator(name, "Maasgouw", 4), "*").status())
                .isEqualTo(403);
    }

    @Test
    void municipal_client_writes_only_for_its_own_municipality() {
        Api maasgouw = anonymous.as(issuer.municipalClient("gemeente-maasgouw", "GM1641"));
        Api zwolle = anonymous.as(issuer.municipalClient("gemeente-zwolle", "GM0193"));
        Response created = maasgouw.post("/api/v1/practices", accelerator(unique("Maasgouw"), "Maasgouw", 3));
        assertThat(created.status()).isEqualTo(201);
        assertThat(zwolle.post("/api/v1/practices", accelerator(unique("Maasgouw"), "Maasgouw", 3)).status()).isEqualTo(403);
        String id = created.json().get("id").asString();
        assertThat(zwolle.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null).status()).isEqualTo(403);
        assertThat(maasgouw.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null).status()).isEqualTo(200);
    }

    @Test
    void coordinators_read_who_changed_what_and_when() {
        Api staff = anonymous.as(issuer.staff("Organisatie 1"));
        String name = unique("Renswoude");
        String id = staff.post("/api/v1/practices", accelerator(name, "Renswoude", 3)).json().get("id").asString();
        staff.put("/api/v1/practices/" + id, accelerator(name, "Renswoude", 4).replace("Mantelzorgers in beeld", "Samen"), "\"1\"");
        api.call(HttpMethod.POST, "/api/v1/practices/" + id + "/archive", null, null);

        Response audit = api.get("/api/v1/practices/" + id + "/audit");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode trail = audit.json().get("items");
        assertThat(trail).hasSize(3);
        assertThat(audit.json().get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("staff@organisatie.nl");
        assertThat(trail.get(1).get("tenant").asString()).isEqualTo("Organisatie 1");
        assertThat(trail.get(1).get("changedFields").toString()).contains("organisations", "positiveCoreTheme");
        assertThat(trail.get(2).get("action").asString()).isEqualTo("ARCHIVED");
        assertThat(trail.get(2).get("changedFields").toString()).contains("status");
        assertThat(trail.get(2).get("at").asString()).isNotBlank();
        JsonNode secondPage = api.get("/api/v1/practices/" + id + "/audit?page=1&pageSize=2").json();
        assertThat(secondPage.get("items").findValuesAsString("action")).containsExactly("ARCHIVED");
        assertThat(secondPage.get("page").get("totalPages").asInt()).isEqualTo(2);

        assertThat(staff.get("/api/v1/practices/" + id + "/audit").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/practices/" + id + "/audit").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/practices/" + id).body()).doesNotContain("changedFields", "pendingEvents");
    }

    double publishFailures() {
        Response metric = api.get("/actuator/metrics/outbox.publish.failures");
        return metric.status() == 200 ? metric.json().get("measurements").get(0).get("value").asDouble() : 0;
    }

    @Test
    void exposes_health_groups_and_prometheus_metrics() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response readiness = api.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.json().get("components").propertyNames()).contains("mongo").doesNotContain("kafka");
            assertThat(api.get("/actuator/health").json().get("components").propertyNames()).contains("mongo", "kafka");
        });
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        create(accelerator(unique("Ede"), "Ede", 3));
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds", "outbox_events_published_total", "kafka_producer",
                "kafka_reachable", "outbox_parked");
    }
}
