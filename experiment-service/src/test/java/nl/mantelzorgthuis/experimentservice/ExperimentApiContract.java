package nl.mantelzorgthuis.experimentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Api.Response;
import nl.mantelzorgthuis.testsupport.EventProbe;
import nl.mantelzorgthuis.experimentservice.support.PracticeFeed;
import nl.mantelzorgthuis.experimentservice.support.PracticeFeed.Practice;
import nl.mantelzorgthuis.testsupport.EventContracts;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The experiment-service behaviour over HTTP against a running service, a real Kafka broker (which
 * also carries the practice events it learns practices from) and a MongoDB-compatible store. Written
 * once; subclasses choose the infrastructure (embedded here, Testcontainers where Docker exists).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ExperimentApiContract {

    static final String TOPIC = "experiment-events";
    static final TestIssuer issuer = TestIssuer.shared();

    @LocalServerPort
    int port;

    Api anonymous;
    Api coordinator;
    PracticeFeed feed;

    protected abstract Infrastructure infrastructure();

    static void register(DynamicPropertyRegistry registry, Infrastructure infra, String database) {
        registry.add("spring.mongodb.uri", () -> infra.mongoUri(database));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("platform.outbox.poll-interval", () -> "200ms");
        // Each context reads the practice topic from the start with its own group.
        registry.add("experiment.practice-events.group", () -> "experiment-service-" + database);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
    }

    @BeforeEach
    void clients() {
        anonymous = new Api("http://localhost:" + port);
        coordinator = anonymous.as(issuer.coordinator());
        feed = new PracticeFeed(infrastructure().kafkaBootstrapServers());
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    /** A practice that practice-service announced; returns once this service knows it. */
    Practice knownPractice(String name, List<String> organisations, String cbsCode) {
        Practice practice = Practice.accelerator(name + " " + UUID.randomUUID().toString().substring(0, 6), organisations, cbsCode);
        feed.publish(practice, "created", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> known(practice));
        return practice;
    }

    private boolean known(Practice practice) {
        // Probing with no outcome category: a 422 on outcomes (not on practiceId) means the practice was found.
        Response probe = coordinator.post("/api/v1/experiments", body(practice.id(), "probe", List.of())
                .replace("[\"COLLABORATION_AMONG_PROFESSIONALS\"]", "[]"));
        return probe.status() == 422 && probe.json().get("invalidParams").findValuesAsString("name").contains("outcomes");
    }

    static String body(String practiceId, String title, List<String> owners) {
        String organisations = owners.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(","));
        return """
                {"practiceId":"%s","title":"%s","goal":"Een duidelijke route naar respijtzorg voor professionals",
                 "designQuestion":"Hoe kunnen we samen een route maken en bewandelen naar vertrouwde respijtzorg?",
                 "level":"BETWEEN_PROFESSIONALS","outcomes":["COLLABORATION_AMONG_PROFESSIONALS"],"phase":"DESIGN",
                 "organisations":[%s],"startDate":"2023-01-15",
                 "lessons":[{"kind":"WHAT_WORKED","text":"Een vaste contactpersoon bij het mantelzorgsteunpunt verkort de route"}]}
                """.formatted(practiceId, title, organisations);
    }

    Response create(Api as, String body) {
        Response created = as.post("/api/v1/experiments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    Response transition(Api as, String id, String status, String reason) {
        return as.post("/api/v1/experiments/" + id + "/transitions",
                "{\"status\":\"" + status + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    @Test
    void creates_an_experiment_in_a_known_practice_and_publishes_its_event_in_the_contract() {
        Practice practice = knownPractice("Noordoostpolder", List.of("Carrefour", "Kwintes"), "GM0171");
        Response created = create(coordinator, body(practice.id(), "Routing respijtzorg", List.of("Carrefour")));
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/experiments/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().get("status").asString()).isEqualTo("IDEA");
        assertThat(created.json().get("practiceName").asString()).isEqualTo(practice.name());

        Response read = anonymous.get("/api/v1/experiments/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo("Routing respijtzorg");
        assertThat(read.json().get("adoptions")).isEmpty();
        assertThat(read.json().get("allowedTransitions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("PREPARING", "STOPPED");

        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.withKey(id), list -> !list.isEmpty());
            String message = events.getFirst().value();
            assertThat(EventContracts.violations("experiment/experiment-event.schema.json", message)).isEmpty();
            assertThat(Api.parse(message).get("type").asString()).isEqualTo("nl.mantelzorgthuis.experiment.created.v1");
            assertThat(Api.parse(message).get("practiceid").asString()).isEqualTo(practice.id());
        }
    }

    @Test
    void refuses_experiment_for_unknown_practice_with_the_field_named() {
        Response response = coordinator.post("/api/v1/experiments", body("no-such-practice", "X", List.of()));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("practiceId");
    }

    @Test
    void rejects_invalid_and_unreadable_requests_with_problem_details_never_500() {
        Response invalid = coordinator.post("/api/v1/experiments", """
                {"practiceId":"","title":"","level":"BETWEEN_PROFESSIONALS","outcomes":[],"phase":"DESIGN",
                 "lessons":[{"kind":"TIP","text":""}]}
                """);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("invalidParams").findValuesAsString("name"))
                .contains("practiceId", "title", "lessons[0].text");
        assertThat(coordinator.post("/api/v1/experiments", "{oops").status()).isEqualTo(400);
        Response badEnum = coordinator.post("/api/v1/experiments", body("p", "t", List.of()).replace("BETWEEN_PROFESSIONALS", "EVERYWHERE"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("detail").asString()).doesNotContain("nl.mantelzorgthuis");
        assertThat(anonymous.get("/api/v1/experiments?status=DONE").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/experiments?pageSize=1000").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/experiments/summary?by=region").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/experiments/nope").status()).isEqualTo(404);
    }

    @Test
    void moves_through_the_lifecycle_and_names_allowed_transitions_on_a_wrong_one() {
        Practice practice = knownPractice("Zwolle", List.of("Isala Ziekenhuis", "Zwolle Doet!"), "GM0193");
        String id = create(coordinator, body(practice.id(), "Spiegelgesprek", List.of("Isala Ziekenhuis"))).json().get("id").asString();

        Response wrong = transition(coordinator, id, "COMPLETED", null);
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.json().get("allowedTransitions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("PREPARING", "STOPPED");

        for (String status : List.of("PREPARING", "RUNNING", "EVALUATED", "RUNNING", "EVALUATED", "COMPLETED")) {
            Response moved = transition(coordinator, id, status, null);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("status").asString()).isEqualTo(status);
        }
        Response afterCompletion = transition(coordinator, id, "STOPPED", "te laat");
        assertThat(afterCompletion.status()).isEqualTo(409);
        assertThat(afterCompletion.json().get("allowedTransitions")).isEmpty();

        String other = create(coordinator, body(practice.id(), "Klantreis", List.of("Zwolle Doet!"))).json().get("id").asString();
        assertThat(transition(coordinator, other, "STOPPED", null).status()).isEqualTo(422);
        Response stopped = transition(coordinator, other, "STOPPED", "Geen capaciteit op de afdeling");
        assertThat(stopped.json().get("stopReason").asString()).isEqualTo("Geen capaciteit op de afdeling");
    }

    @Test
    void updates_need_the_current_etag() {
        Practice practice = knownPractice("Utrecht", List.of("U-Centraal", "Mantelaar"), "GM0344");
        String id = create(coordinator, body(practice.id(), "Mijntje", List.of("Mantelaar"))).json().get("id").asString();
        String changed = body(practice.id(), "Mijntje 2.0", List.of("Mantelaar"));
        assertThat(coordinator.put("/api/v1/experiments/" + id, changed, null).status()).isEqualTo(428);
        assertThat(coordinator.put("/api/v1/experiments/" + id, changed, "\"7\"").status()).isEqualTo(412);
        Response updated = coordinator.put("/api/v1/experiments/" + id, changed, "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        Response moved = coordinator.put("/api/v1/experiments/" + id, body("another", "Mijntje", List.of("Mantelaar")), "*");
        assertThat(moved.status()).isEqualTo(422);
    }

    @Test
    void an_event_carries_the_latest_twenty_cycles_and_how_many_there_are() {
        Practice practice = knownPractice("Horst aan de Maas", List.of("Proteion"), "GM1507");
        String id = create(coordinator, body(practice.id(), "Lange reeks", List.of("Proteion"))).json().get("id").asString();
        String base = "/api/v1/experiments/" + id;
        for (int n = 1; n <= 25; n++) {
            Response started = coordinator.post(base + "/cycles", "{\"plan\":\"Cyclus " + n + "\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(coordinator.put(base + "/cycles/" + n, "{\"plan\":\"Cyclus " + n + "\",\"whatHappened\":\"x\","
                    + "\"learned\":\"y\",\"decision\":\"ADAPT\",\"decidedOn\":\"2024-01-01\"}", started.header("ETag")).status())
                    .isEqualTo(200);
        }
        assertThat(coordinator.get(base).json().get("cycles")).hasSize(25);
        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.withKey(id), list -> list.size() >= 51);
            JsonNode last = Api.parse(events.getLast().value()).get("data");
            assertThat(last.get("cycleCount").asInt()).isEqualTo(25);
            assertThat(last.get("cycles")).hasSize(20);
            assertThat(last.get("cycles").get(0).get("number").asInt()).isEqualTo(6);
            assertThat(EventContracts.violations("experiment/experiment-event.schema.json", events.getLast().value())).isEmpty();
        }
    }

    @Test
    void records_cycles_measures_and_observations_and_serves_the_run_chart_signals() {
        Practice practice = knownPractice("Maasgouw", List.of("Proteion", "MEE de Meentgroep"), "GM1641");
        String id = create(coordinator, body(practice.id(), "Ambassadeurschap", List.of("Proteion"))).json().get("id").asString();
        String base = "/api/v1/experiments/" + id;

        Response cycle = coordinator.post(base + "/cycles", """
                {"plan":"Twee ambassadeurs per team","prediction":"Meer verwijzingen naar het steunpunt","startedOn":"2023-03-01"}
                """);
        assertThat(cycle.status()).isEqualTo(201);
        assertThat(cycle.header("Location")).isEqualTo(base + "/cycles/1");
        assertThat(coordinator.post(base + "/cycles", "{\"plan\":\"Te vroeg\"}").status()).isEqualTo(409);
        Response recorded = coordinator.put(base + "/cycles/1", """
                {"plan":"Twee ambassadeurs per team","prediction":"Meer verwijzingen naar het steunpunt","startedOn":"2023-03-01",
                 "whatHappened":"Verwijzingen verdubbelden","learned":"Sneller dan voorspeld","decision":"ADOPT","decidedOn":"2023-06-01"}
                """, cycle.header("ETag"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("cycles").get(0).get("decision").asString()).isEqualTo("ADOPT");

        Response measure = coordinator.post(base + "/measures", """
                {"name":"Verwijzingen naar het steunpunt","unit":"per week","betterWhen":"HIGHER","target":12}
                """);
        assertThat(measure.status()).isEqualTo(201);
        String measureId = measure.json().get("id").asString();
        // Twelve weeks around 5, then (after cycle 1) twelve weeks around 10: a sustained improvement.
        String observations = IntStream.range(0, 24).mapToObj(week -> "{\"date\":\"" + LocalDate.of(2023, 1, 2).plusWeeks(week)
                + "\",\"value\":" + (week < 12 ? 5 + (week % 3) * 0.5 - 0.5 : 10 + (week % 3) * 0.5 - 0.5)
                + (week == 12 ? ",\"note\":\"cyclus 1 gestart\"" : "") + "}").collect(Collectors.joining(","));
        Response added = coordinator.post(base + "/measures/" + measureId + "/observations", "{\"observations\":[" + observations + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("observations")).hasSize(24);

        JsonNode chart = anonymous.get(base + "/measures/" + measureId + "/run-chart").json();
        assertThat(chart.get("points")).hasSize(24);
        assertThat(chart.get("points").get(12).get("note").asString()).isEqualTo("cyclus 1 gestart");
        JsonNode ihi = chart.get("analyses").get(0);
        assertThat(ihi.get("ruleSet").asString()).isEqualTo("IHI");
        assertThat(ihi.get("reference").asString()).contains("Perla");
        assertThat(ihi.get("nonRandomVariation").asBoolean()).isTrue();
        assertThat(ihi.get("parts").get(0).get("signals").findValuesAsString("rule")).contains("SHIFT", "TOO_FEW_RUNS");
        // Below the median before the change (unfavourable for a measure where higher is better), above after it.
        ihi.get("parts").get(0).get("signals").valueStream().filter(s -> s.get("rule").asString().equals("SHIFT"))
                .forEach(s -> assertThat(s.get("favourable").asBoolean()).isEqualTo(s.get("direction").asString().equals("UP")));
        JsonNode anhoej = chart.get("analyses").get(1);
        assertThat(anhoej.get("ruleSet").asString()).isEqualTo("ANHOEJ");
        assertThat(anhoej.get("parts").get(0).get("signals").findValuesAsString("rule"))
                .contains("UNUSUALLY_LONG_RUN", "UNUSUALLY_FEW_CROSSINGS");

        // Split at the change: each part on its own median shows no signal any more.
        Response split = coordinator.put(base + "/measures/" + measureId + "/analysis-settings",
                "{\"splitAt\":[\"" + LocalDate.of(2023, 1, 2).plusWeeks(12) + "\"]}", null);
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        JsonNode splitChart = anonymous.get(base + "/measures/" + measureId + "/run-chart").json();
        assertThat(splitChart.get("analyses").get(0).get("parts")).hasSize(2);
        assertThat(splitChart.get("points").get(12).get("part").asInt()).isEqualTo(1);
        // Freezing a baseline of the first 12 points judges the rest against it.
        coordinator.put(base + "/measures/" + measureId + "/analysis-settings", "{\"baselinePoints\":12}", null);
        JsonNode frozen = anonymous.get(base + "/measures/" + measureId + "/run-chart").json().get("analyses").get(0).get("parts").get(0);
        assertThat(frozen.get("centreBasis").asString()).isEqualTo("FROZEN_BASELINE");
        assertThat(frozen.get("centre").asDouble()).isEqualTo(5.0);

        assertThat(coordinator.post(base + "/measures/unknown/observations",
                "{\"observations\":[{\"date\":\"2023-01-01\",\"value\":1}]}").status()).isEqualTo(404);
        assertThat(coordinator.post(base + "/measures/" + measureId + "/observations",
                "{\"observations\":[{\"date\":\"gisteren\",\"value\":1}]}").status()).isEqualTo(400);
        assertThat(coordinator.post(base + "/measures/" + measureId + "/observations", "{\"observations\":[]}").status()).isEqualTo(400);
    }

    @Test
    void adopts_an_experiment_into_another_practice_and_the_origin_shows_where() {
        Practice denBosch = knownPractice("'s-Hertogenbosch", List.of(), "GM0796");
        Practice noordoostpolder = knownPractice("Noordoostpolder", List.of("Carrefour", "Kwintes"), "GM0171");
        String origin = create(coordinator, body(denBosch.id(), "Routing respijtzorg", List.of())).json().get("id").asString();

        Response staffOfOtherPractice = anonymous.as(issuer.staff("Proteion")).post("/api/v1/experiments/" + origin + "/adoptions",
                "{\"practiceId\":\"" + noordoostpolder.id() + "\",\"organisations\":[\"Carrefour\"]}");
        assertThat(staffOfOtherPractice.status()).isEqualTo(403);

        Response adopted = anonymous.as(issuer.staff("Carrefour")).post("/api/v1/experiments/" + origin + "/adoptions",
                "{\"practiceId\":\"" + noordoostpolder.id() + "\",\"organisations\":[\"Carrefour\"]}");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        JsonNode copy = adopted.json();
        assertThat(copy.get("practiceId").asString()).isEqualTo(noordoostpolder.id());
        assertThat(copy.get("adoptedFrom").get("experimentId").asString()).isEqualTo(origin);
        assertThat(copy.get("adoptedFrom").get("practiceName").asString()).isEqualTo(denBosch.name());
        assertThat(copy.get("lessons")).hasSize(1);

        JsonNode originView = anonymous.get("/api/v1/experiments/" + origin).json();
        assertThat(originView.get("adoptions")).singleElement()
                .satisfies(a -> assertThat(a.get("practiceName").asString()).isEqualTo(noordoostpolder.name()));
        assertThat(anonymous.get("/api/v1/experiments?adoptedFrom=" + origin).json().get("page").get("totalElements").asLong())
                .isEqualTo(1);
        assertThat(coordinator.post("/api/v1/experiments/" + origin + "/adoptions",
                "{\"practiceId\":\"" + denBosch.id() + "\"}").status()).isEqualTo(422);
    }

    @Test
    void searches_across_practices_including_lessons_and_exports_summaries_and_csv() {
        Practice practice = knownPractice("Zoetermeer", List.of("Plicare", "Palet welzijn"), "GM0637");
        String marker = "stamtafel" + UUID.randomUUID().toString().substring(0, 6);
        String lesson = body(practice.id(), "Stamtafel in de bibliotheek", List.of("Palet welzijn"))
                .replace("Een vaste contactpersoon bij het mantelzorgsteunpunt verkort de route", "De " + marker + " trekt nieuwe mantelzorgers");
        String id = create(coordinator, lesson).json().get("id").asString();
        create(coordinator, body(practice.id(), "Speeddate diner", List.of("Plicare")).replace("DESIGN", "DELIVER"));

        JsonNode byLesson = anonymous.get("/api/v1/experiments?q=" + marker).json();
        assertThat(byLesson.get("items")).singleElement().satisfies(e -> assertThat(e.get("id").asString()).isEqualTo(id));
        JsonNode filtered = anonymous.get("/api/v1/experiments?practiceId=" + practice.id()
                + "&phase=DELIVER&level=BETWEEN_PROFESSIONALS&outcome=COLLABORATION_AMONG_PROFESSIONALS&status=IDEA").json();
        assertThat(filtered.get("items")).singleElement()
                .satisfies(e -> assertThat(e.get("title").asString()).isEqualTo("Speeddate diner"));
        assertThat(anonymous.get("/api/v1/practices/" + practice.id() + "/experiments").json().get("items")).hasSize(2);

        JsonNode lessons = anonymous.get("/api/v1/experiments/lessons?q=" + marker).json();
        assertThat(lessons).singleElement().satisfies(l -> {
            assertThat(l.get("experimentId").asString()).isEqualTo(id);
            assertThat(l.get("practiceName").asString()).isEqualTo(practice.name());
        });

        JsonNode summary = anonymous.get("/api/v1/experiments/summary?by=practice").json();
        JsonNode row = summary.valueStream().filter(r -> r.get("key").asString().equals(practice.id())).findFirst().orElseThrow();
        assertThat(row.get("total").asLong()).isEqualTo(2);
        assertThat(row.get("byStatus").get("IDEA").asLong()).isEqualTo(2);
        assertThat(row.get("byLevel").get("BETWEEN_PROFESSIONALS").asLong()).isEqualTo(2);
        assertThat(anonymous.get("/api/v1/experiments/summary?by=outcome").json().findValuesAsString("key"))
                .contains("COLLABORATION_AMONG_PROFESSIONALS");

        Response csv = anonymous.get("/api/v1/experiments/export?practiceId=" + practice.id());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,practiceId,practiceName,title");
        assertThat(lines).hasSize(3).anyMatch(l -> l.contains("Stamtafel in de bibliotheek") && l.contains(marker));
    }

    @Test
    void enforces_tenants_and_tokens_on_every_write() {
        Practice practice = knownPractice("Noordoostpolder", List.of("Carrefour", "Kwintes"), "GM0171");
        String body = body(practice.id(), "Communicatie respijtzorg", List.of("Carrefour"));
        assertThat(anonymous.post("/api/v1/experiments", body).status()).isEqualTo(401);
        for (String token : List.of(issuer.expired(), issuer.signedByAnotherKey(), issuer.forAnotherAudience())) {
            Response refused = anonymous.as(token).post("/api/v1/experiments", body);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(anonymous.as(issuer.staff("Kwintes")).post("/api/v1/experiments", body).status()).isEqualTo(403);
        assertThat(anonymous.as(issuer.municipalClient("zwolle", "GM0193")).post("/api/v1/experiments", body).status()).isEqualTo(403);
        Response own = anonymous.as(issuer.staff("Carrefour")).post("/api/v1/experiments", body);
        assertThat(own.status()).isEqualTo(201);
        String id = own.json().get("id").asString();

        Api kwintes = anonymous.as(issuer.staff("Kwintes"));
        assertThat(transition(kwintes, id, "PREPARING", null).status()).isEqualTo(403);
        assertThat(kwintes.post("/api/v1/experiments/" + id + "/cycles", "{\"plan\":\"p\"}").status()).isEqualTo(403);
        assertThat(anonymous.as(issuer.municipalClient("zwolle", "GM0193")).post("/api/v1/experiments/" + id + "/measures",
                "{\"name\":\"n\",\"unit\":\"u\",\"betterWhen\":\"HIGHER\"}").status()).isEqualTo(403);
        assertThat(transition(anonymous.as(issuer.municipalClient("nop", "GM0171")), id, "PREPARING", null).status()).isEqualTo(200);

        assertThat(anonymous.as(issuer.staff("Carrefour")).get("/api/v1/experiments/" + id + "/audit").status()).isEqualTo(403);
        Response audit = coordinator.get("/api/v1/experiments/" + id + "/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("items").findValuesAsString("action")).containsExactly("CREATED", "STATUS_CHANGED");
        assertThat(audit.json().get("items").get(1).get("tenant").asString()).isEqualTo("GM0171");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void a_redelivered_archive_event_stops_the_experiments_a_failed_first_delivery_left_running() {
        Practice practice = knownPractice("Stein", List.of("Partners in Welzijn"), "GM0971");
        String running = create(coordinator, body(practice.id(), "Loopt nog", List.of("Partners in Welzijn"))).json().get("id").asString();
        // As after a crash between the two steps of the first delivery: the directory already knows
        // version 2 (archived), the experiments were not stopped yet.
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(practice.id())),
                new org.springframework.data.mongodb.core.query.Update().set("version", 2L).set("archived", true), "practices");
        feed.publish(practice, "archived", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(anonymous.get("/api/v1/experiments/" + running).json().get("status").asString()).isEqualTo("STOPPED"));
    }

    @Test
    void archiving_the_practice_stops_its_unfinished_experiments_and_freezes_them() {
        Practice practice = knownPractice("Leusden", List.of("Welzijn Leusden", "Gemeente Leusden"), "GM0327");
        String running = create(coordinator, body(practice.id(), "Loopt", List.of("Welzijn Leusden"))).json().get("id").asString();
        transition(coordinator, running, "PREPARING", null);
        transition(coordinator, running, "RUNNING", null);
        String done = create(coordinator, body(practice.id(), "Klaar", List.of("Welzijn Leusden"))).json().get("id").asString();
        transition(coordinator, done, "STOPPED", "Samengevoegd");

        feed.publish(practice, "archived", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(anonymous.get("/api/v1/experiments/" + running).json().get("status").asString()).isEqualTo("STOPPED"));
        JsonNode stopped = anonymous.get("/api/v1/experiments/" + running).json();
        assertThat(stopped.get("stopReason").asString()).isEqualTo("De praktijk is gearchiveerd");
        assertThat(anonymous.get("/api/v1/experiments/" + done).json().get("stopReason").asString()).isEqualTo("Samengevoegd");

        Response newOne = coordinator.post("/api/v1/experiments", body(practice.id(), "Nieuw", List.of("Welzijn Leusden")));
        assertThat(newOne.status()).isEqualTo(409);
        assertThat(newOne.json().get("title").asString()).isEqualTo("Practice is archived");
        assertThat(coordinator.post("/api/v1/experiments/" + running + "/measures",
                "{\"name\":\"n\",\"unit\":\"u\",\"betterWhen\":\"HIGHER\"}").status()).isEqualTo(409);

        // An old event arriving late (version 1 again) does not bring the practice back.
        feed.publish(practice, "updated", 1);
        Practice marker = knownPractice("Na het oude event", List.of("X"), "GM0001");
        assertThat(marker).isNotNull();
        assertThat(coordinator.post("/api/v1/experiments", body(practice.id(), "Nieuw", List.of("Welzijn Leusden"))).status())
                .isEqualTo(409);
    }

    @Test
    void duplicate_practice_events_apply_once_and_malformed_ones_go_to_the_dead_letter_topic() {
        Practice practice = Practice.accelerator("Renswoude " + UUID.randomUUID().toString().substring(0, 6),
                List.of("Welzijn Renswoude"), "GM0339");
        String created = PracticeFeed.event(UUID.randomUUID().toString(), practice, "created", 1);
        assertThat(EventContracts.violations("practice/practice-event.schema.json", created)).as(created).isEmpty();

        try (EventProbe deadLetters = new EventProbe(infrastructure().kafkaBootstrapServers(),
                "practice-events.experiment-service.dlt")) {
            feed.send(practice.id(), "{\"not\":\"a cloudevent\"");
            feed.send(practice.id(), PracticeFeed.event(UUID.randomUUID().toString(), practice, "deleted", 9));
            feed.send(practice.id(), created);
            feed.send(practice.id(), created);
            String renamed = PracticeFeed.event(UUID.randomUUID().toString(),
                    new Practice(practice.id(), practice.name() + " (nieuw)", practice.organisations(), practice.municipalities()),
                    "updated", 2);
            feed.send(practice.id(), renamed);

            // The partition moved on past both bad messages: the practice becomes known under its new name
            // (an experiment created between version 1 and 2 would carry the old one, so wait for the new).
            String id = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response r = coordinator.post("/api/v1/experiments", body(practice.id(), "Na", List.of("Welzijn Renswoude")));
                return r.status() == 201 && r.json().get("practiceName").asString().endsWith("(nieuw)") ? r.json() : null;
            }, json -> json != null).get("id").asString();
            assertThat(anonymous.get("/api/v1/experiments/" + id).json().get("practiceName").asString()).endsWith("(nieuw)");

            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters.withKey(practice.id()), list -> list.size() >= 2);
            assertThat(dead).hasSize(2);
            assertThat(new String(dead.get(1).headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("unknown event type");
        }
        assertThat(metric("practice_events_duplicates_total")).isGreaterThanOrEqualTo(1);
    }

    double metric(String name) {
        return anonymous.get("/actuator/prometheus").body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void an_accepted_change_reaches_kafka_after_an_outage() {
        Practice practice = knownPractice("Stein", List.of("Partners in Welzijn", "Gemeente Stein"), "GM0971");
        Infrastructure infra = infrastructure();
        infra.stopKafka();
        String id;
        try {
            Response created = coordinator.post("/api/v1/experiments", body(practice.id(), "Tijdens storing", List.of("Partners in Welzijn")));
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asString();
        } finally {
            infra.startKafka();
        }
        try (EventProbe probe = new EventProbe(infra.kafkaBootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> probe.withKey(id), list -> !list.isEmpty());
        }
    }

    @org.springframework.beans.factory.annotation.Value("${spring.mongodb.uri}")
    String mongoUri;

    @Test
    void another_replicas_writes_reach_this_replicas_lists() {
        Practice practice = knownPractice("Horst aan de Maas", List.of("Synthese", "Proteion"), "GM1507");
        // Command-line arguments: they take precedence over application.yml, as the environment does in production.
        try (var replica = new org.springframework.boot.builder.SpringApplicationBuilder(ExperimentServiceApplication.class)
                .run("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                        "--spring.kafka.bootstrap-servers=" + infrastructure().kafkaBootstrapServers(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                        "--experiment.practice-events.group=replica-" + UUID.randomUUID())) {
            int replicaPort = replica.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api other = new Api("http://localhost:" + replicaPort).as(issuer.coordinator());
            String id = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response r = other.post("/api/v1/experiments", body(practice.id(), "Via de andere replica", List.of("Synthese")));
                return r.status() == 201 ? r.json().get("id").asString() : null;
            }, created -> created != null);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    anonymous.get("/api/v1/practices/" + practice.id() + "/experiments").json().get("items").findValuesAsString("id"))
                    .containsExactly(id));
        }
    }

    @Test
    void unknown_paths_and_methods_are_problems_too() {
        Response delete = coordinator.call(HttpMethod.DELETE, "/api/v1/experiments/x", null, null);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Content-Type")).startsWith("application/problem+json");
        Response unknown = coordinator.get("/api/v1/experiments/x/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }
}
