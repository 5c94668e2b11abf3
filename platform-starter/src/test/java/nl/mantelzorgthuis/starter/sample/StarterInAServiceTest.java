package nl.mantelzorgthuis.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.EventProbe;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import nl.mantelzorgthuis.testsupport.architecture.AnsweredStatuses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The starter in a running service, over HTTP, with a real Kafka broker and the embedded store. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample-service", "platform.outbox.topic=sample-events",
                "platform.outbox.collections=samples", "platform.outbox.poll-interval=200ms", "platform.api.title=Sample API"})
class StarterInAServiceTest {

    static final TestIssuer issuer = TestIssuer.shared();

    @LocalServerPort
    int port;

    Api anonymous;
    Api caller;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructure.embedded();
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("starter_sample"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
    }

    @BeforeEach
    void clients() {
        anonymous = new Api("http://localhost:" + port);
        caller = anonymous.as(issuer.staff("Zwolle Doet!"));
    }

    @Test
    void a_write_needs_a_token_and_is_refused_as_problem_json_with_a_request_id() {
        Api.Response refused = anonymous.post("/api/v1/samples", "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Authentication required");
        assertThat(refused.headers().getFirst("X-Request-Id")).isNotBlank();
    }

    @Test
    void framework_errors_are_problems_with_invalid_params_and_domain_errors_use_the_services_mapping() {
        Api.Response invalid = caller.post("/api/v1/samples", "{\"name\":\"\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("name");
        Api.Response unreadable = caller.post("/api/v1/samples", "{\"name\":");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("title").asString()).isEqualTo("Unreadable request body");
        Api.Response rule = caller.post("/api/v1/samples", "{\"name\":\"forbidden\"}");
        assertThat(rule.status()).isEqualTo(422);
        assertThat(rule.json().get("title").asString()).isEqualTo("Breaks the sample rule");
        Api.Response missing = anonymous.get("/api/v1/samples/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(missing.headers().getFirst("API-Version")).isEqualTo("1.0.0");
    }

    @Test
    void an_accepted_write_reaches_kafka_from_the_outbox_keyed_by_its_aggregate() {
        String bootstrap = Infrastructure.embedded().kafkaBootstrapServers();
        try (EventProbe probe = new EventProbe(bootstrap, "sample-events")) {
            Api.Response created = caller.post("/api/v1/samples", "{\"name\":\"Logeerhuis\"}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe.withKey(id)).hasSize(1));
            JsonNode event = Api.parse(probe.withKey(id).getFirst().value());
            assertThat(event.get("type").asString()).isEqualTo("nl.mantelzorgthuis.sample.created.v1");
            assertThat(event.get("subject").asString()).isEqualTo(id);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(anonymous.get("/actuator/prometheus").body())
                .contains("outbox_pending{application=\"sample-service\",collection=\"samples\"} 0.0"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void an_event_that_can_never_be_sent_is_parked_with_its_reason_while_others_flow_and_an_operator_retries_it() {
        String bootstrap = Infrastructure.embedded().kafkaBootstrapServers();
        String broken = java.util.UUID.randomUUID().toString();
        mongo.getCollection("samples").insertOne(new org.bson.Document("_id", broken).append("version", 1L)
                .append("pendingEvents", java.util.List.of(new nl.mantelzorgthuis.starter.outbox.OutboxEntry("e-" + broken,
                        "nl.mantelzorgthuis.sample.created.v1", java.time.Instant.now(), "not a cloud event").toDocument()))
                .append("outboxPending", true));
        try (EventProbe probe = new EventProbe(bootstrap, "sample-events")) {
            String fine = caller.post("/api/v1/samples", "{\"name\":\"Dagbesteding\"}").json().get("id").asString();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe.withKey(fine)).hasSize(1));
            Api operator = anonymous.as(issuer.operator());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(operator.get("/actuator/outbox").json()
                    .get("parked").toString()).contains(broken, "not a structured CloudEvent"));
            assertThat(caller.get("/actuator/outbox").status()).isEqualTo(403);
            assertThat(anonymous.get("/actuator/prometheus").body())
                    .contains("outbox_parked{application=\"sample-service\",collection=\"samples\"} 1.0");

            // The operator mends the cause (here: the stored event), then retries: it goes out.
            mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("_id").is(broken)),
                    new org.springframework.data.mongodb.core.query.Update().set("pendingEvents.0.cloudEvent",
                            nl.mantelzorgthuis.starter.outbox.OutboxRelay.serialise(io.cloudevents.core.builder.CloudEventBuilder.v1()
                                    .withId("e-" + broken).withSource(java.net.URI.create("urn:sample"))
                                    .withType("nl.mantelzorgthuis.sample.created.v1").withSubject(broken).build())),
                    "samples");
            Api.Response retried = operator.post("/actuator/outbox", "{}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe.withKey(broken)).hasSize(1));
            assertThat(operator.get("/actuator/outbox").json().get("parked")).isEmpty();
        }
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_with_or_without_a_content_length() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        byte[] large = ("{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (var body : java.util.List.of(java.net.http.HttpRequest.BodyPublishers.ofByteArray(large),
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)))) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/samples"))
                    .header("Authorization", "Bearer " + issuer.staff("Zwolle Doet!")).header("Content-Type", "application/json")
                    .POST(body).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void if_match_is_required_and_a_stale_one_is_refused() {
        String id = caller.post("/api/v1/samples", "{\"name\":\"a\"}").json().get("id").asString();
        assertThat(caller.put("/api/v1/samples/" + id, "{\"name\":\"b\"}", null).status()).isEqualTo(428);
        assertThat(caller.put("/api/v1/samples/" + id, "{\"name\":\"b\"}", "\"7\"").status()).isEqualTo(412);
        assertThat(caller.put("/api/v1/samples/" + id, "{\"name\":\"b\"}", "garbage, \"1\"").status()).isEqualTo(400);
        Api.Response renamed = caller.put("/api/v1/samples/" + id, "{\"name\":\"b\"}", "\"1\"");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.headers().getETag()).isEqualTo("\"2\"");
        assertThat(caller.put("/api/v1/samples/" + id, "{\"name\":\"c\"}", "*").status()).isEqualTo(200);
    }

    @Test
    void documents_each_operation_with_the_statuses_its_code_can_answer() {
        JsonNode doc = anonymous.get("/v3/api-docs").json();
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Sample API");
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo("/api/v1");
        assertThat(doc.get("paths").get("/samples").get("post").get("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "415", "422", "500");
        assertThat(doc.get("paths").get("/samples/{id}").get("get").get("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "404", "500");
        assertThat(doc.get("paths").get("/samples/{id}").get("put").get("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "404", "412", "415", "428", "500");
        assertThat(doc.get("paths").get("/samples/{id}").get("get").has("security")).isFalse();
        assertThat(AnsweredStatuses.of(new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("nl.mantelzorgthuis.starter")).mismatches(doc, "/api/v1")).isEmpty();
    }

    @Test
    void reports_store_and_broker_health_and_shared_defaults_apply() {
        JsonNode readiness = anonymous.get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).contains("mongo").doesNotContain("kafka");
        assertThat(anonymous.get("/actuator/health").json().get("components").propertyNames()).contains("kafka");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
