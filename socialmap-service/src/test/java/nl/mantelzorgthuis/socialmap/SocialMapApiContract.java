package nl.mantelzorgthuis.socialmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.time.Instant;
import java.util.List;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Api.Response;
import nl.mantelzorgthuis.testsupport.EventContracts;
import nl.mantelzorgthuis.testsupport.EventProbe;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The social-map behaviour over HTTP against a running service, a real Kafka broker and a
 * MongoDB-compatible store; written once, run on the embedded components here and on Testcontainers
 * where Docker exists. Each test uses its own made-up municipality codes and words, so tests do not
 * see each other's entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SocialMapApiContract {

    static final TestIssuer issuer = TestIssuer.shared();
    // Zwolle centre, Kampen (about 13 km), Deventer (about 32 km).
    static final double[] ZWOLLE = {52.5168, 6.0830};
    static final double[] KAMPEN = {52.5550, 5.9110};
    static final double[] DEVENTER = {52.2550, 6.1639};

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    Api anonymous;
    Api coordinator;

    protected abstract Infrastructure infrastructure();

    /** Stands in for PDOK Locatieserver's "free" endpoint, answering in its documented format. */
    static final com.sun.net.httpserver.HttpServer pdok = pdok();
    static final java.util.Map<String, Integer> pdokCalls = new java.util.concurrent.ConcurrentHashMap<>();

    static com.sun.net.httpserver.HttpServer pdok() {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
            server.createContext("/bzk/locatieserver/search/v3_1/free", exchange -> {
                String q = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().replaceAll(".*\\bq=([^&]*).*", "$1"),
                        java.nio.charset.StandardCharsets.UTF_8);
                pdokCalls.merge(q, 1, Integer::sum);
                if (q.startsWith("traag")) {
                    try {
                        Thread.sleep(3000); // longer than the geocoder's read timeout in these tests
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String doc = switch (q) {
                    case "8011LW" -> "{\"type\":\"postcode\",\"weergavenaam\":\"8011LW Zwolle\",\"centroide_ll\":\"POINT(6.0886 52.5155)\",\"gemeentecode\":\"0193\"}";
                    case "kampen" -> "{\"type\":\"woonplaats\",\"weergavenaam\":\"Kampen, Kampen, Overijssel\",\"centroide_ll\":\"POINT(5.911 52.555)\",\"gemeentecode\":\"0166\"}";
                    default -> null;
                };
                byte[] body = ("{\"response\":{\"numFound\":" + (doc == null ? 0 : 1) + ",\"start\":0,\"maxScore\":1.0,\"docs\":["
                        + (doc == null ? "" : doc) + "]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
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

    static void register(DynamicPropertyRegistry registry, Infrastructure infra, String database) {
        registry.add("socialmap.geocoder.url",
                () -> "http://localhost:" + pdok.getAddress().getPort() + "/bzk/locatieserver/search/v3_1/free");
        registry.add("socialmap.geocoder.read-timeout", () -> "500ms");
        registry.add("spring.mongodb.uri", () -> infra.mongoUri(database));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("socialmap.events.poll-interval", () -> "200ms");
        registry.add("platform.outbox.poll-interval", () -> "200ms");
        // One replica per test context: each reads the whole topic with a group of its own.
        registry.add("socialmap.index.replica", () -> "test-" + database);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
    }

    @BeforeEach
    void clients() {
        anonymous = new Api("http://localhost:" + port);
        coordinator = anonymous.as(issuer.coordinator());
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_AREA = new java.util.concurrent.atomic.AtomicInteger(9000);

    /** A made-up municipality code per call, never the same twice, so a test's filtered searches see only its own entries. */
    static String area() {
        return "GM" + NEXT_AREA.getAndIncrement();
    }

    static String entry(String organization, String name, String description, String area, double[] point, String extra) {
        return """
                {"organization":"%s","name":"%s","description":"%s","serviceAreas":["%s"],
                 "locations":[{"name":"Hoofdlocatie","address":"Grote Markt 1","postalCode":"8011 LW","city":"Zwolle",
                   "municipality":"%s","province":"Overijssel","latitude":%s,"longitude":%s}]%s}
                """.formatted(organization, name, description, area, area, point[0], point[1], extra == null ? "" : "," + extra);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    String create(Api as, String body) {
        Response created = as.post("/api/v1/socialmap/services", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    JsonNode search(String query) {
        Response response = anonymous.get("/api/v1/socialmap/search?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> names(JsonNode result) {
        return result.get("items").valueStream().map(hit -> hit.get("service").get("name").asString()).toList();
    }

    @Test
    void creates_an_entry_and_publishes_its_event_in_the_contract() {
        String area = area();
        Response created = anonymous.as(issuer.staff("Zwolle Doet!")).post("/api/v1/socialmap/services",
                entry("Zwolle Doet!", "Mantelzorgsteunpunt Zwolle", "Informatie en advies voor mantelzorgers", area, ZWOLLE,
                        "\"taxonomyTerms\":[\"mantelzorgsteunpunt\"],\"cost\":\"FREE\",\"fundingRoutes\":[\"FREE\"]"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().get("lastVerifiedAt").asString()).isNotBlank();
        assertThat(anonymous.get("/api/v1/socialmap/services/" + id).json().get("locations").get(0).get("postalCode").asString())
                .isEqualTo("8011LW");
        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), "socialmap-events")) {
            String message = await().atMost(Duration.ofSeconds(30)).until(() -> probe.withKey(id), l -> !l.isEmpty()).getFirst().value();
            assertThat(EventContracts.violations("socialmap/socialmap-event.schema.json", message)).isEmpty();
        }
    }

    @Test
    void finds_dutch_words_by_stem_compound_synonym_accent_and_typo() {
        String area = area();
        String logeerhuis = create(coordinator, entry("Zorggroep Noord", "Logeerhuis De Linde",
                "Twee logeerhuizen waar uw naaste een weekend kan logeren", area, ZWOLLE, null));
        String respijt = create(coordinator, entry("Humanitas", "Vrijwillige oppas",
                "Respijt zorg aan huis door vrijwilligers", area, ZWOLLE, null));
        String compound = create(coordinator, entry("Carinova", "Dagbesteding Het Anker",
                "Dagbesteding en respijtzorg voor mensen met dementie", area, ZWOLLE, null));
        String cafe = create(coordinator, entry("Zwolle Doet!", "Alzheimer Café Zwolle",
                "Maandelijks mantelzorgcafé voor naasten", area, ZWOLLE, null));

        assertThat(ids(search("municipality=" + area + "&q=logeerhuis"))).contains(logeerhuis);
        assertThat(ids(search("municipality=" + area + "&q=logeerhuizen"))).contains(logeerhuis);
        assertThat(ids(search("municipality=" + area + "&q=respijtzorg"))).contains(respijt, compound);
        assertThat(ids(search("municipality=" + area + "&q=respijt+zorg"))).contains(respijt, compound);
        assertThat(ids(search("municipality=" + area + "&q=kortdurend+verblijf"))).containsExactly(logeerhuis);
        assertThat(ids(search("municipality=" + area + "&q=cafe"))).contains(cafe);
        assertThat(ids(search("municipality=" + area + "&q=dagbestedng"))).containsExactly(compound);
        assertThat(ids(search("municipality=" + area + "&q=geheugenproblemen"))).contains(compound, cafe);
        assertThat(ids(search("municipality=" + area + "&q=klussendienst"))).isEmpty();
        // A word in the name weighs more than the same word in the description.
        assertThat(ids(search("municipality=" + area + "&q=dagbesteding")).getFirst()).isEqualTo(compound);
    }

    @Test
    void searches_near_a_point_within_a_radius_nearest_first() {
        String area = area();
        String zwolle = create(coordinator, entry("A", "Steunpunt centrum", "mantelzorg", area, ZWOLLE, null));
        String kampen = create(coordinator, entry("B", "Steunpunt Kampen", "mantelzorg", area, KAMPEN, null));
        String deventer = create(coordinator, entry("C", "Steunpunt Deventer", "mantelzorg", area, DEVENTER, null));
        JsonNode near = search("municipality=" + area + "&lat=52.5160&lon=6.0800&radiusKm=20");
        assertThat(ids(near)).containsExactly(zwolle, kampen);
        assertThat(near.get("items").get(1).get("distanceKm").asDouble()).isBetween(11.0, 14.0);
        assertThat(ids(search("municipality=" + area + "&lat=52.5160&lon=6.0800&radiusKm=50"))).containsExactly(zwolle, kampen, deventer);
        assertThat(anonymous.get("/api/v1/socialmap/search?lat=52.5").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/search?lat=95&lon=6").status()).isEqualTo(400);
    }

    @Test
    void searches_near_a_postcode_or_place_through_the_geocoder_and_says_why_when_it_cannot() {
        String area = area();
        String zwolle = create(coordinator, entry("A", "Steunpunt binnenstad", "mantelzorg", area, ZWOLLE, null));
        String kampen = create(coordinator, entry("B", "Steunpunt Kampen", "mantelzorg", area, KAMPEN, null));
        String deventer = create(coordinator, entry("C", "Steunpunt Deventer", "mantelzorg", area, DEVENTER, null));

        JsonNode byPostcode = search("municipality=" + area + "&near=8011+lw");
        assertThat(byPostcode.get("place").get("resolved").asBoolean()).isTrue();
        assertThat(byPostcode.get("place").get("municipality").asString()).isEqualTo("GM0193");
        assertThat(ids(byPostcode)).containsExactly(zwolle);                       // 10 km around a place by default
        assertThat(ids(search("municipality=" + area + "&near=8011LW&radiusKm=20"))).containsExactly(zwolle, kampen);
        assertThat(pdokCalls.get("8011LW")).isEqualTo(1);                            // cached
        assertThat(ids(search("municipality=" + area + "&near=Kampen&radiusKm=5"))).containsExactly(kampen);

        JsonNode unknown = search("municipality=" + area + "&near=Nergenshuizen");
        assertThat(unknown.get("place").get("resolved").asBoolean()).isFalse();
        assertThat(unknown.get("notes").get(0).asString()).contains("Nergenshuizen", "no place");
        assertThat(ids(unknown)).containsExactlyInAnyOrder(zwolle, kampen, deventer);

        // A geocoder that does not answer costs a search at most its timeout; after repeated failures it is not asked at all.
        int timedOut = 0;
        String note = "";
        for (int i = 0; i < 8 && !note.contains("not asked for a while"); i++) {
            long start = System.nanoTime();
            JsonNode slow = search("municipality=" + area + "&near=traag" + i);
            note = slow.get("notes").get(0).asString();
            assertThat(ids(slow)).hasSize(3);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            timedOut += note.contains("did not answer") ? 1 : 0;
        }
        assertThat(timedOut).isBetween(1, 5);
        assertThat(note).contains("not asked for a while");
        assertThat(search("municipality=" + area + "&near=traag9").get("notes").get(0).asString()).contains("not asked for a while");
        assertThat(pdokCalls).doesNotContainKey("traag9");
        // Searching by point does not need the geocoder.
        assertThat(ids(search("municipality=" + area + "&lat=52.5160&lon=6.0800&radiusKm=20"))).containsExactly(zwolle, kampen);
    }

    static final String ROUTE = """
            {"title":"Routing respijtzorg","steps":[
              {"title":"Signaleren","description":"De huisarts of POH'er merkt dat de mantelzorger overbelast raakt","role":"POH'er",
               "organisation":"Huisartsenpraktijk","typicalWait":"direct"},
              {"title":"Gesprek met de mantelzorgconsulent","role":"mantelzorgconsulent","organisation":"Mantelzorgsteunpunt",
               "caregiverBrings":"een beeld van de week","typicalWait":"1 week","serviceIds":["%s"]},
              {"title":"Aanvraag via het Wmo-loket","role":"Wmo-consulent","organisation":"Gemeente","typicalWait":"2 tot 6 weken"},
              {"title":"Aanbieder kiezen en starten","role":"mantelzorger"},
              {"title":"Evalueren","role":"mantelzorgconsulent","typicalWait":"na 3 maanden"}]}""";

    @Test
    void a_municipality_keeps_its_respite_route_and_another_copies_it_as_a_start() {
        String bosch = area();
        String noordoostpolder = area();
        String steunpunt = create(coordinator, entry("Welzijn", "Mantelzorgsteunpunt", "x", bosch, ZWOLLE, null));
        Api boschSystem = anonymous.as(issuer.municipalClient("gemeente-bosch", bosch));
        assertThat(anonymous.get("/api/v1/socialmap/municipalities/" + bosch + "/respite-route").status()).isEqualTo(404);
        Response created = boschSystem.put("/api/v1/socialmap/municipalities/" + bosch + "/respite-route", ROUTE.formatted(steunpunt), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode route = anonymous.get("/api/v1/socialmap/municipalities/" + bosch + "/respite-route").json();
        assertThat(route.get("steps").findValuesAsString("title")).containsExactly("Signaleren", "Gesprek met de mantelzorgconsulent",
                "Aanvraag via het Wmo-loket", "Aanbieder kiezen en starten", "Evalueren");
        assertThat(route.get("steps").get(1).get("serviceIds").get(0).asString()).isEqualTo(steunpunt);

        assertThat(boschSystem.put("/api/v1/socialmap/municipalities/" + bosch + "/respite-route", ROUTE.formatted(steunpunt), null)
                .status()).isEqualTo(428);
        assertThat(boschSystem.put("/api/v1/socialmap/municipalities/" + bosch + "/respite-route", ROUTE.formatted(steunpunt), "\"1\"")
                .header("ETag")).isEqualTo("\"2\"");
        assertThat(anonymous.as(issuer.municipalClient("andere", noordoostpolder)).put("/api/v1/socialmap/municipalities/" + bosch
                + "/respite-route", ROUTE.formatted(steunpunt), "*").status()).isEqualTo(403);
        assertThat(anonymous.as(issuer.staff("Welzijn")).put("/api/v1/socialmap/municipalities/" + bosch + "/respite-route",
                ROUTE.formatted(steunpunt), "*").status()).isEqualTo(403);
        Response unknownService = boschSystem.put("/api/v1/socialmap/municipalities/" + bosch + "/respite-route",
                ROUTE.formatted("bestaat-niet"), "*");
        assertThat(unknownService.status()).isEqualTo(422);
        assertThat(unknownService.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("steps[1].serviceIds[0]");

        Api nopSystem = anonymous.as(issuer.municipalClient("gemeente-nop", noordoostpolder));
        Response copied = nopSystem.post("/api/v1/socialmap/municipalities/" + noordoostpolder + "/respite-route/copy",
                "{\"from\":\"" + bosch + "\"}");
        assertThat(copied.status()).as(copied.body()).isEqualTo(201);
        assertThat(copied.json().get("copiedFrom").asString()).isEqualTo(bosch);
        assertThat(copied.json().get("steps")).hasSize(5);
        assertThat(copied.json().get("steps").get(1).get("serviceIds")).isEmpty();
        assertThat(nopSystem.post("/api/v1/socialmap/municipalities/" + noordoostpolder + "/respite-route/copy",
                "{\"from\":\"" + bosch + "\"}").status()).isEqualTo(409);
        assertThat(anonymous.get("/api/v1/socialmap/municipalities/Zwolle/respite-route").status()).isEqualTo(400);
        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), "socialmap-events")) {
            String message = await().atMost(Duration.ofSeconds(30)).until(() -> probe.withKey(noordoostpolder), l -> !l.isEmpty())
                    .getFirst().value();
            assertThat(Api.parse(message).get("type").asString()).isEqualTo("nl.mantelzorgthuis.socialmap.respite-route.changed.v1");
            assertThat(EventContracts.violations("socialmap/socialmap-event.schema.json", message)).isEmpty();
        }
    }

    /** Validates against a compiled HSDS 3.0 schema from ../shared/standards (skipped without it). */
    static java.util.Set<String> hsdsViolations(String schema, JsonNode document) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("shared.dir", "../../shared"),
                "standards/hsds-3.0/schema/compiled", schema);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "HSDS schemas not found beside the project");
        var validator = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(Api.parse(java.nio.file.Files.readString(file)));
        return validator.validate(document).stream().map(com.networknt.schema.Error::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void serves_the_hsds_read_api_valid_against_the_hsds_schemas() throws Exception {
        String area = area();
        String id = create(coordinator, entry("Zwolle Doet!", "Mantelzorgsteunpunt HSDS", "Informatie en advies hsdsproef", area, ZWOLLE, """
                "taxonomyTerms":["mantelzorgsteunpunt"],"cost":"FREE","fundingRoutes":["WMO"],"languages":["nl"],"phone":"038 123 4567",
                "schedules":[{"day":"MONDAY","opensAt":"09:00","closesAt":"17:00"}]"""));
        JsonNode service = anonymous.get("/api/v1/socialmap/hsds/services/" + id).json();
        assertThat(hsdsViolations("service.json", service)).isEmpty();
        assertThat(service.get("status").asString()).isEqualTo("active");
        assertThat(service.get("service_areas").get(0).get("name").asString()).isEqualTo(area);
        assertThat(service.get("funding").get(0).get("source").asString()).isEqualTo("WMO");
        assertThat(service.get("schedules").get(0).get("byday").asString()).isEqualTo("MO");
        assertThat(service.get("service_at_locations").get(0).get("location").get("addresses").get(0).get("postal_code").asString())
                .isEqualTo("8011LW");
        String termId = service.get("attributes").get(0).get("taxonomy_term_id").asString();

        JsonNode list = anonymous.get("/api/v1/socialmap/hsds/services?search=hsdsproef&per_page=10").json();
        assertThat(list.get("total_items").asInt()).isEqualTo(1);
        assertThat(list.get("page_number").asInt()).isEqualTo(1);
        assertThat(list.get("first_page").asBoolean()).isTrue();
        assertThat(hsdsViolations("service.json", list.get("contents").get(0))).isEmpty();
        assertThat(anonymous.get("/api/v1/socialmap/hsds/services?search=hsdsproef&taxonomy_term_id=" + termId).json()
                .get("total_items").asInt()).isEqualTo(1);

        JsonNode organizationId = service.get("organization_id");
        JsonNode organization = anonymous.get("/api/v1/socialmap/hsds/organizations/" + organizationId.asString()).json();
        assertThat(hsdsViolations("organization.json", organization)).isEmpty();
        assertThat(organization.get("name").asString()).isEqualTo("Zwolle Doet!");
        assertThat(anonymous.get("/api/v1/socialmap/hsds/organizations").json().get("contents").findValuesAsString("name"))
                .contains("Zwolle Doet!");

        JsonNode near = anonymous.get("/api/v1/socialmap/hsds/service_at_locations?postcode=8011LW&proximity=5000&per_page=100").json();
        assertThat(near.get("contents").findValuesAsString("service_id")).contains(id);
        assertThat(hsdsViolations("service_at_location.json", near.get("contents").get(0))).isEmpty();
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations?postcode=0000ZZ").status()).isEqualTo(422);

        assertThat(anonymous.get("/api/v1/socialmap/hsds/taxonomy_terms/" + termId).json().get("code").asString())
                .isEqualTo("mantelzorgsteunpunt");
        // The platform's taxonomy, and any other system's an import brought, paged like every HSDS list.
        JsonNode taxonomies = anonymous.get("/api/v1/socialmap/hsds/taxonomies").json();
        assertThat(taxonomies.get("contents").findValuesAsString("name")).contains("Ondersteuning van mantelzorgers");
        long total = taxonomies.get("total_items").asLong();
        var beyond = anonymous.get("/api/v1/socialmap/hsds/taxonomies?page=" + (total + 1) + "&per_page=1").json();
        assertThat(beyond.get("contents")).isEmpty();
        assertThat(beyond.get("total_items").asLong()).isEqualTo(total);
        assertThat(beyond.get("page_number").asInt()).isEqualTo(total + 1);
        assertThat(beyond.get("last_page").asBoolean()).isTrue();
        assertThat(anonymous.get("/api/v1/socialmap/hsds/taxonomies?page=1&per_page=1").json().get("contents")).hasSize(1);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/taxonomies?per_page=0").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/hsds").json().get("version").asString()).isEqualTo("3.0");
        assertThat(anonymous.get("/api/v1/socialmap/hsds/services?per_page=0").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/services/none").status()).isEqualTo(404);
    }

    /** A CSV line with the given values under the header's columns, the others empty. */
    static String csvRow(String header, java.util.Map<String, String> values) {
        return java.util.Arrays.stream(header.split(",")).map(c -> values.getOrDefault(c, ""))
                .collect(java.util.stream.Collectors.joining(",")) + "\n";
    }

    static java.util.Map<String, String> unzip(byte[] zip) throws Exception {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(java.util.Map<String, String> files) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    Response importPackage(String token, byte[] zip) {
        var response = org.springframework.web.client.RestClient.create().post()
                .uri("http://localhost:" + port + "/api/v1/socialmap/hsds/import/datapackage")
                .header("Authorization", "Bearer " + token).contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(zip).retrieve().onStatus(status -> true, (request, r) -> { }).toEntity(String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }

    /** A zip whose one CSV file inflates to {@code megabytes} of zeros (about a thousandth of that compressed). */
    static byte[] zipBomb(int megabytes) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry("services.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void refuses_hostile_data_packages_with_problems_and_keeps_answering() throws Exception {
        byte[] bomb = zipBomb(80);
        assertThat(bomb.length).isLessThan(1_000_000);
        // Not a coordinator: refused before the upload is read.
        Response staff = importPackage(issuer.staff("Zwolle Doet!"), bomb);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.headers().getContentType().toString()).isEqualTo("application/problem+json");
        Response bombed = importPackage(issuer.coordinator(), bomb);
        assertThat(bombed.status()).isEqualTo(413);
        assertThat(bombed.json().get("detail").asString()).contains("services.csv");
        java.util.Map<String, String> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("extra" + i + ".csv", "id\n");
        }
        Response crowded = importPackage(issuer.coordinator(), zip(many));
        assertThat(crowded.status()).isEqualTo(413);
        assertThat(crowded.json().get("detail").asString()).contains("more than 64 files");
        assertThat(anonymous.get("/api/v1/socialmap/taxonomy-terms").status()).isEqualTo(200);
    }

    @Test
    void an_hsds_data_package_round_trips_through_export_and_import_and_bad_rows_are_reported() throws Exception {
        String area = area();
        String full = create(coordinator, entry("Zorggroep Rondje", "Logeerhuis Rondreis", "logeren", area, ZWOLLE, """
                "taxonomyTerms":["respijtzorg-logeeropvang"],"cost":"PAID","fundingRoutes":["WMO","WLZ"],"languages":["nl","en"],
                "minimumAge":18,"phone":"038 765 4321","schedules":[{"day":"FRIDAY","opensAt":"17:00","closesAt":"22:00"}]"""));
        String other = create(coordinator, entry("Zorggroep Rondje", "Dagbesteding Rondreis", "dagbesteding", area, KAMPEN, null));
        var export = org.springframework.web.client.RestClient.create().get()
                .uri("http://localhost:" + port + "/api/v1/socialmap/hsds/export/datapackage.zip").retrieve().toEntity(byte[].class);
        assertThat(export.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        var files = unzip(export.getBody());
        assertThat(files).containsKeys("datapackage.json", "services.csv", "organizations.csv", "locations.csv", "addresses.csv",
                "schedules.csv", "service_areas.csv", "funding.csv", "attributes.csv", "taxonomy_terms.csv");
        assertThat(files.get("services.csv")).contains(full, other);
        assertThat(Api.parse(files.get("datapackage.json")).get("resources").findValuesAsString("path")).contains("services.csv");

        // Importing what was exported changes nothing: the package says exactly what the map holds.
        Response same = importPackage(issuer.coordinator(), export.getBody());
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("created").asInt()).as(same.body()).isZero();
        assertThat(same.json().get("updated").asInt()).isZero();
        assertThat(same.json().get("errors")).isEmpty();

        // A changed name is an update; broken rows are reported with file, row and reason, the rest loads.
        String header = files.get("services.csv").lines().findFirst().orElseThrow();
        String organizationId = Api.parse(anonymous.get("/api/v1/socialmap/hsds/services/" + full).body()).get("organization_id").asString();
        String services = files.get("services.csv").replace("Dagbesteding Rondreis", "Dagbesteding Rondreis (nieuw)")
                + csvRow(header, java.util.Map.of("id", "aaaaaaaa-0000-4000-8000-000000000001", "organization_id",
                        "bbbbbbbb-0000-4000-8000-000000000001", "name", "Zonder organisatie", "status", "active"))
                + csvRow(header, java.util.Map.of("id", "aaaaaaaa-0000-4000-8000-000000000002", "organization_id", organizationId,
                        "name", "Verkeerde status", "status", "misschien"));
        files.put("services.csv", services);
        Response changed = importPackage(issuer.coordinator(), zip(files));
        assertThat(changed.json().get("updated").asInt()).isEqualTo(1);
        assertThat(changed.json().get("errors").valueStream().map(JsonNode::asString).toList())
                .anySatisfy(e -> assertThat(e).contains("services.csv row", "organization_id", "names no organization"))
                .anySatisfy(e -> assertThat(e).contains("services.csv row", "not valid HSDS 3.0", "status: does not have a value in the enumeration"));
        assertThat(anonymous.get("/api/v1/socialmap/services/" + other).json().get("name").asString()).isEqualTo("Dagbesteding Rondreis (nieuw)");
        JsonNode fullAfter = anonymous.get("/api/v1/socialmap/services/" + full).json();
        assertThat(fullAfter.get("fundingRoutes")).hasSize(2);
        assertThat(fullAfter.get("schedules").get(0).get("day").asString()).isEqualTo("FRIDAY");

        assertThat(importPackage(issuer.staff("Zorggroep Rondje"), export.getBody()).status()).isEqualTo(403);
        Response notAPackage = importPackage(issuer.coordinator(), "geen zip".getBytes());
        assertThat(notAPackage.json().get("errors").get(0).asString()).contains("services.csv: missing");
        JsonNode exported = anonymous.get("/api/v1/socialmap/hsds/export/services.json").json();
        assertThat(exported.findValuesAsString("id")).contains(full, other);

        // HSDS JSON round-trips too; a broken service object is reported, the others load.
        Response jsonSame = coordinator.post("/api/v1/socialmap/hsds/import/services.json", exported.toString());
        assertThat(jsonSame.status()).as(jsonSame.body()).isEqualTo(200);
        assertThat(jsonSame.json().get("created").asInt()).isZero();
        assertThat(jsonSame.json().get("updated").asInt()).isZero();
        Response jsonBroken = coordinator.post("/api/v1/socialmap/hsds/import/services.json",
                "[{\"id\":\"not-a-uuid\",\"name\":\"x\"},{\"id\":\"aaaaaaaa-0000-4000-8000-00000000000f\",\"name\":\"Zonder organisatie\"}]");
        assertThat(jsonBroken.json().get("errors")).hasSize(2);
        assertThat(coordinator.post("/api/v1/socialmap/hsds/import/services.json", "{}").status()).isEqualTo(400);
    }

    @Test
    void the_standards_nested_service_example_round_trips_field_by_field() throws Exception {
        JsonNode example = HsdsFixtures.example("service_full.json");
        Response imported = coordinator.post("/api/v1/socialmap/hsds/import/services.json", "[" + example + "]");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("errors")).as(imported.body()).isEmpty();
        String id = example.get("id").asString();

        JsonNode served = anonymous.get("/api/v1/socialmap/hsds/services/" + id).json();
        assertThat(HsdsFixtures.differences(example, served)).isEmpty();
        assertThat(hsdsViolations("service.json", served)).isEmpty();
        JsonNode exported = anonymous.get("/api/v1/socialmap/hsds/export/services.json").json();
        JsonNode again = exported.valueStream().filter(s -> s.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(HsdsFixtures.differences(example, again)).isEmpty();
        // Nothing the platform would refuse: the funding source and service area are free text, the currency stays.
        JsonNode entry = anonymous.get("/api/v1/socialmap/services/" + id).json();
        assertThat(entry.get("organization").asString()).isEqualTo(example.get("organization").get("name").asString());
        assertThat(served.get("cost_options").get(0).get("currency").asString()).isEqualTo("gbp");
        // The same again is no change.
        Response same = coordinator.post("/api/v1/socialmap/hsds/import/services.json", "[" + example + "]");
        assertThat(same.json().get("unchanged").asInt()).as(same.body()).isEqualTo(1);
        // Its locations and organisation are records of their own.
        String salId = example.get("service_at_locations").get(0).get("id").asString();
        JsonNode sal = anonymous.get("/api/v1/socialmap/hsds/service_at_locations/" + salId).json();
        assertThat(HsdsFixtures.differences(example.get("service_at_locations").get(0).get("location"), sal.get("location"))).isEmpty();
        assertThat(hsdsViolations("service_at_location.json", sal)).isEmpty();
        JsonNode organization = anonymous.get("/api/v1/socialmap/hsds/organizations/" + example.get("organization").get("id").asString())
                .json();
        assertThat(HsdsFixtures.differences(example.get("organization"), organization)).isEmpty();
    }

    @Test
    void the_standards_tabular_example_round_trips_row_by_row() throws Exception {
        var example = HsdsFixtures.exampleCsvPackage();
        Response imported = importPackage(issuer.coordinator(), zip(example));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("errors")).as(imported.body()).isEmpty();
        var exported = unzip(exportPackage());
        assertThat(HsdsFixtures.tableDifferences(example, exported)).isEmpty();
    }

    @Test
    void a_package_with_every_table_and_field_round_trips_and_keeps_what_staff_did_not_change() throws Exception {
        String marker = "alles-" + UUID.randomUUID();
        var generated = HsdsFixtures.everyTableAndField(marker);
        Response imported = importPackage(issuer.coordinator(), zip(generated));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("errors")).as(imported.body()).isEmpty();
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        var exported = unzip(exportPackage());
        assertThat(HsdsFixtures.tableDifferences(generated, exported)).isEmpty();
        assertThat(Api.parse(exported.get("datapackage.json")).get("resources").findValuesAsString("path"))
                .contains("service_at_location.csv", "organization_identifiers.csv", "meta_table_descriptions.csv");

        // The nested form holds it all too, valid HSDS; and it imports back as no change.
        String id = HsdsFixtures.uuid(marker, "service");
        JsonNode service = anonymous.get("/api/v1/socialmap/hsds/services/" + id).json();
        assertThat(hsdsViolations("service.json", service)).isEmpty();
        assertThat(service.get("organization").get("organization_identifiers")).hasSize(1);
        assertThat(service.get("service_at_locations").get(0).get("location").get("accessibility")).hasSize(1);
        Response json = coordinator.post("/api/v1/socialmap/hsds/import/services.json", "[" + service + "]");
        assertThat(json.json().get("unchanged").asInt()).as(json.body()).isEqualTo(1);

        // Staff change the name in the platform: the export has the new name, and every other record as it was.
        JsonNode entry = anonymous.get("/api/v1/socialmap/services/" + id).json();
        Response renamed = coordinator.put("/api/v1/socialmap/services/" + id,
                ((tools.jackson.databind.node.ObjectNode) entry).put("name", "Hernoemd door de organisatie").toString(),
                "\"" + entry.get("version").asLong() + "\"");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var after = unzip(exportPackage());
        assertThat(after.get("services.csv")).contains("Hernoemd door de organisatie");
        generated.remove("services.csv");
        assertThat(HsdsFixtures.tableDifferences(generated, after)).isEmpty();
    }

    @Test
    void the_hsds_api_pages_service_at_locations_by_record_and_reads_proximity_in_metres() {
        String area = area();
        String two = create(coordinator, entry("Zwolle Doet!", "Twee plekken", "tweeplekken", area, ZWOLLE, null));
        JsonNode entry = anonymous.get("/api/v1/socialmap/services/" + two).json();
        var locations = (tools.jackson.databind.node.ArrayNode) entry.get("locations");
        locations.addObject().put("name", "Kampen").put("latitude", KAMPEN[0]).put("longitude", KAMPEN[1]).put("municipality", area);
        Response updated = coordinator.put("/api/v1/socialmap/services/" + two, entry.toString(),
                "\"" + entry.get("version").asLong() + "\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        JsonNode all = anonymous.get("/api/v1/socialmap/hsds/service_at_locations?search=tweeplekken&per_page=1").json();
        assertThat(all.get("total_items").asInt()).isEqualTo(2);
        assertThat(all.get("total_pages").asInt()).isEqualTo(2);
        assertThat(all.get("contents")).hasSize(1);
        // 8011LW lies about 400 m from the Zwolle location and 13 km from Kampen.
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations?search=tweeplekken&postcode=8011LW&proximity=2000")
                .json().get("total_items").asInt()).isEqualTo(1);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations?search=tweeplekken&postcode=8011LW&proximity=20000")
                .json().get("total_items").asInt()).isEqualTo(2);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations?search=tweeplekken&postcode=8011LW&proximity=100")
                .json().get("total_items").asInt()).isZero();
        String salId = all.get("contents").get(0).get("id").asString();
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations/" + salId).json().get("id").asString()).isEqualTo(salId);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/service_at_locations/" + UUID.randomUUID()).status()).isEqualTo(404);
        // Problems name the parameter as it was sent.
        Response bad = anonymous.get("/api/v1/socialmap/hsds/service_at_locations?per_page=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").findValuesAsString("name")).containsExactly("per_page");
        // The HSDS API's own OpenAPI document, with this deployment as server.
        JsonNode openapi = anonymous.get("/api/v1/socialmap/hsds/openapi.json").json();
        assertThat(openapi.get("paths").has("/service_at_locations/{id}")).isTrue();
        assertThat(openapi.get("servers").get(0).get("url").asString()).isEqualTo("/api/v1/socialmap/hsds");
    }

    /**
     * The Open Referral UK validator's published rules (developers.openreferraluk.org/ApiValidation),
     * as they apply to HSDS 3.0's names: level 1, a paged /services with its metadata whose first ten
     * pages hold unique, valid services each readable at /services/{id}; level 2, the query
     * parameters a service finder uses give what they promise; and an open feed (no key).
     */
    @Test
    void meets_the_open_referral_uk_validator_rules() throws Exception {
        String area = area();
        String word = "orukproef" + NEXT_AREA.get();
        for (int i = 0; i < 3; i++) {
            create(coordinator, entry("Zwolle Doet!", "Steunpunt " + word + " " + i, "Informatie " + word, area, ZWOLLE, i == 0 ? """
                    "taxonomyTerms":["respijtzorg-logeeropvang"],"minimumAge":18""" : null));
        }
        JsonNode root = anonymous.get("/api/v1/socialmap/hsds/").json();
        assertThat(root.get("version").asString()).isEqualTo("3.0");

        JsonNode first = anonymous.get("/api/v1/socialmap/hsds/services?page=1&per_page=5").json();
        long total = first.get("total_items").asLong();
        assertThat(first.get("total_pages").isIntegralNumber()).isTrue();
        int pages = first.get("total_pages").asInt();
        assertThat(pages).isEqualTo((int) ((total + 4) / 5));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int page = 1; page <= Math.min(10, pages); page++) {
            JsonNode answer = anonymous.get("/api/v1/socialmap/hsds/services?page=" + page + "&per_page=5").json();
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(answer.get("contents").size());
            assertThat(answer.get("first_page").asBoolean()).isEqualTo(page == 1);
            assertThat(answer.get("last_page").asBoolean()).isEqualTo(page == pages);
            assertThat(answer.get("total_items").asLong()).isEqualTo(total);
            for (JsonNode service : answer.get("contents")) {
                String id = service.get("id").asString();
                assertThat(ids.add(id)).as("service %s on two pages", id).isTrue();
                assertThat(hsdsViolations("service.json", service)).as(id).isEmpty();
                assertThat(anonymous.get("/api/v1/socialmap/hsds/services/" + id).json().get("id").asString()).isEqualTo(id);
            }
        }
        // Optional fields without a value are left out rather than sent null or empty.
        JsonNode ours = found(word).get("contents").get(0);
        assertThat(HsdsFixtures.emptyValues(ours)).isEmpty();

        JsonNode found = found(word);
        assertThat(found.get("total_items").asInt()).isEqualTo(3);
        assertThat(found.get("contents").valueStream().map(s -> s.get("name").asString())).allMatch(n -> n.contains(word));
        String term = found.get("contents").valueStream().filter(s -> !s.path("attributes").isEmpty()).findFirst().orElseThrow()
                .get("attributes").get(0).get("taxonomy_term_id").asString();
        JsonNode byTerm = anonymous.get("/api/v1/socialmap/hsds/services?search=" + word + "&taxonomy_term_id=" + term).json();
        assertThat(byTerm.get("total_items").asInt()).isEqualTo(1);
        assertThat(byTerm.get("contents").get(0).get("attributes").findValuesAsString("taxonomy_term_id")).contains(term);
        String organization = found.get("contents").get(0).get("organization_id").asString();
        String taxonomyId = byTerm.get("contents").get(0).get("attributes").get(0).get("taxonomy_term").get("taxonomy_id").asString();
        String base = "/api/v1/socialmap/hsds/services?search=" + word;
        assertThat(anonymous.get(base + "&organization_id=" + organization).json().get("total_items").asInt()).isEqualTo(3);
        assertThat(anonymous.get(base + "&organization_id=" + UUID.randomUUID()).json().get("total_items").asInt()).isZero();
        assertThat(anonymous.get(base + "&taxonomy_id=" + taxonomyId).json().get("total_items").asInt()).isEqualTo(1);
        assertThat(anonymous.get(base + "&modified_after=2000-01-01T00:00:00Z&per_page=2").json().get("total_pages").asInt()).isEqualTo(2);
        assertThat(anonymous.get(base + "&modified_after=2999-01-01T00:00:00Z").json().get("total_items").asInt()).isZero();
        assertThat(anonymous.get(base + "&modified_after=gisteren").status()).isEqualTo(400);
        JsonNode near = anonymous.get("/api/v1/socialmap/hsds/service_at_locations?search=" + word + "&postcode=8011LW&proximity=1000")
                .json();
        assertThat(near.get("total_items").asInt()).isEqualTo(3);
        assertThat(anonymous.get("/api/v1/socialmap/hsds/taxonomy_terms/" + term).status()).isEqualTo(200);
    }

    JsonNode found(String word) {
        return anonymous.get("/api/v1/socialmap/hsds/services?search=" + word).json();
    }

    byte[] exportPackage() {
        return org.springframework.web.client.RestClient.create().get()
                .uri("http://localhost:" + port + "/api/v1/socialmap/hsds/export/datapackage.zip").retrieve().body(byte[].class);
    }

    @Test
    void filters_combine_with_and_and_facets_count_all_matches() {
        String area = area();
        String free = create(coordinator, entry("A", "Gespreksgroep", "lotgenoten", area, ZWOLLE, """
                "taxonomyTerms":["lotgenotencontact"],"cost":"FREE","fundingRoutes":["FREE"],"languages":["nl","tr"],
                "minimumAge":18,"schedules":[{"day":"TUESDAY","opensAt":"19:00","closesAt":"21:00"}]"""));
        String wmo = create(coordinator, entry("B", "Logeeropvang", "logeren", area, ZWOLLE, """
                "taxonomyTerms":["respijtzorg-logeeropvang"],"cost":"PAID","fundingRoutes":["WMO","WLZ"],"languages":["nl"],
                "minimumAge":65,"schedules":[{"day":"MONDAY","opensAt":"09:00","closesAt":"17:00"}]"""));
        assertThat(ids(search("municipality=" + area + "&cost=FREE"))).containsExactly(free);
        assertThat(ids(search("municipality=" + area + "&funding=WMO"))).containsExactly(wmo);
        assertThat(ids(search("municipality=" + area + "&language=tr"))).containsExactly(free);
        assertThat(ids(search("municipality=" + area + "&taxonomyTerm=respijtzorg-logeeropvang"))).containsExactly(wmo);
        assertThat(ids(search("municipality=" + area + "&openDay=TUESDAY&openTime=20:00"))).containsExactly(free);
        assertThat(ids(search("municipality=" + area + "&openDay=TUESDAY&openTime=21:00"))).isEmpty();
        assertThat(ids(search("municipality=" + area + "&age=40"))).containsExactly(free);
        assertThat(ids(search("municipality=" + area + "&cost=PAID&language=tr"))).isEmpty();
        JsonNode facets = search("municipality=" + area).get("facets");
        assertThat(facets.get("cost").get("FREE").asInt()).isEqualTo(1);
        assertThat(facets.get("cost").get("PAID").asInt()).isEqualTo(1);
        assertThat(facets.get("language").get("nl").asInt()).isEqualTo(2);
        assertThat(facets.get("funding").get("WLZ").asInt()).isEqualTo(1);
        assertThat(facets.get("area").get(area).asInt()).isEqualTo(2);
        JsonNode page = search("municipality=" + area + "&pageSize=1&page=1");
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(anonymous.get("/api/v1/socialmap/search?openDay=MONDAY").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/search?cost=CHEAP").status()).isEqualTo(400);
    }

    @Test
    void staff_edit_only_their_own_organisations_entries() {
        String area = area();
        Api zwolleDoet = anonymous.as(issuer.staff("Zwolle Doet!"));
        String id = create(zwolleDoet, entry("Zwolle Doet!", "Maatjesproject", "vrijwilligers", area, ZWOLLE, null));
        assertThat(anonymous.as(issuer.staff("Isala Ziekenhuis")).post("/api/v1/socialmap/services",
                entry("Zwolle Doet!", "Namens een ander", "x", area, ZWOLLE, null)).status()).isEqualTo(403);
        Response others = anonymous.as(issuer.staff("Isala Ziekenhuis")).put("/api/v1/socialmap/services/" + id,
                entry("Isala Ziekenhuis", "Overgenomen", "x", area, ZWOLLE, null), "*");
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.header("Content-Type")).startsWith("application/problem+json");
        assertThat(zwolleDoet.put("/api/v1/socialmap/services/" + id, entry("Zwolle Doet!", "Maatjesproject Zwolle", "x", area, ZWOLLE, null),
                null).status()).isEqualTo(428);
        assertThat(zwolleDoet.put("/api/v1/socialmap/services/" + id, entry("Zwolle Doet!", "Maatjesproject Zwolle", "x", area, ZWOLLE, null),
                "\"1\"").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/socialmap/services", entry("X", "Y", "z", area, ZWOLLE, null)).status()).isEqualTo(401);
        assertThat(anonymous.as(issuer.expired()).post("/api/v1/socialmap/services", entry("X", "Y", "z", area, ZWOLLE, null)).status())
                .isEqualTo(401);
        assertThat(ids(search("municipality=" + area))).containsExactly(id);
        assertThat(names(search("municipality=" + area))).containsExactly("Maatjesproject Zwolle");
        assertThat(zwolleDoet.get("/api/v1/socialmap/services/" + id + "/audit").status()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/socialmap/services/" + id + "/audit").json().get("items").findValuesAsString("action"))
                .containsExactly("CREATED", "UPDATED");
    }

    @Test
    void a_municipality_upserts_its_entries_by_external_id_idempotently() {
        String area = area();
        Api municipality = anonymous.as(issuer.municipalClient("gemeente-test", area));
        String batch = "{\"services\":[" + entry("Gemeente", "Wmo-loket", "Aanvraag respijtzorg via de Wmo", area, ZWOLLE,
                "\"externalId\":\"wmo-1\",\"fundingRoutes\":[\"WMO\"]") + "," + entry("Gemeente", "Mantelzorgwaardering",
                "Jaarlijkse waardering", area, ZWOLLE, "\"externalId\":\"mzw-1\",\"cost\":\"FREE\"") + "]}";
        Response first = municipality.put("/api/v1/socialmap/municipalities/" + area + "/services", batch, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        Response again = municipality.put("/api/v1/socialmap/municipalities/" + area + "/services", batch, null);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.json().get("ids")).isEqualTo(first.json().get("ids"));
        Response changed = municipality.put("/api/v1/socialmap/municipalities/" + area + "/services",
                batch.replace("Jaarlijkse waardering", "Jaarlijkse waardering in november"), null);
        assertThat(changed.json().get("updated").asInt()).isEqualTo(1);
        assertThat(changed.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(search("municipality=" + area).get("page").get("totalElements").asInt()).isEqualTo(2);

        assertThat(anonymous.as(issuer.municipalClient("andere-gemeente", "GM0001"))
                .put("/api/v1/socialmap/municipalities/" + area + "/services", batch, null).status()).isEqualTo(403);
        String firstId = first.json().get("ids").get(0).asString();
        assertThat(anonymous.as(issuer.municipalClient("andere-gemeente", "GM0001")).post("/api/v1/socialmap/services/" + firstId
                + "/verification", null).status()).isEqualTo(403);
        assertThat(municipality.put("/api/v1/socialmap/municipalities/" + area + "/services",
                batch.replace("\"externalId\":\"wmo-1\",", ""), null).status()).isEqualTo(400);
    }

    @Test
    void rejects_bad_input_with_problem_details_never_500() {
        String area = area();
        Response invalid = coordinator.post("/api/v1/socialmap/services", """
                {"organization":"","name":"x","serviceAreas":["Zwolle"],"languages":["Nederlands"],
                 "locations":[{"postalCode":"12345","latitude":100,"longitude":6}]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("invalidParams").findValuesAsString("name")).contains("organization", "serviceAreas[0]",
                "languages[0]", "locations[0].postalCode", "locations[0].latitude");
        Response rules = coordinator.post("/api/v1/socialmap/services", entry("A", "B", "c", area, ZWOLLE,
                "\"taxonomyTerms\":[\"bestaat-niet\"],\"minimumAge\":70,\"maximumAge\":60"));
        assertThat(rules.status()).isEqualTo(422);
        assertThat(rules.json().get("invalidParams").findValuesAsString("name")).containsExactlyInAnyOrder("taxonomyTerms[0]", "maximumAge");
        assertThat(coordinator.post("/api/v1/socialmap/services", "{\"name\":").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/services/none").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/socialmap/search?municipality=Zwolle").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/search?q=" + "a".repeat(300)).status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/taxonomy-terms").json().findValuesAsString("code"))
                .contains("respijtzorg-logeeropvang", "mantelzorgsteunpunt", "lotgenotencontact");
        Response nullItems = coordinator.post("/api/v1/socialmap/services", entry("A", "B", "c", area, ZWOLLE,
                "\"languages\":[null]").replace("\"serviceAreas\":[\"" + area + "\"]", "\"serviceAreas\":[null]"));
        assertThat(nullItems.status()).as(nullItems.body()).isEqualTo(400);
        assertThat(nullItems.json().get("invalidParams").findValuesAsString("name")).contains("serviceAreas[0]", "languages[0]");
    }

    @Test
    void an_organisation_keeps_several_entries_without_external_id_and_an_external_id_once() {
        String area = area();
        Api staff = anonymous.as(issuer.staff("Zonder Kenmerk"));
        assertThat(staff.post("/api/v1/socialmap/services", entry("Zonder Kenmerk", "Eerste", "d", area, ZWOLLE, null)).status())
                .isEqualTo(201);
        Response second = staff.post("/api/v1/socialmap/services", entry("Zonder Kenmerk", "Tweede", "d", area, ZWOLLE, null));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(coordinator.post("/api/v1/socialmap/services", entry("Met Kenmerk", "Een", "d", area, ZWOLLE,
                "\"externalId\":\"k-1\"")).status()).isEqualTo(201);
        Response twin = coordinator.post("/api/v1/socialmap/services", entry("Met Kenmerk", "Twee", "d", area, ZWOLLE,
                "\"externalId\":\"k-1\""));
        assertThat(twin.status()).as(twin.body()).isEqualTo(422);
        assertThat(twin.json().get("invalidParams").findValuesAsString("name")).contains("externalId");
    }

    @Test
    void flags_and_lists_entries_not_verified_for_a_year_until_someone_verifies_them() {
        String area = area();
        String id = create(coordinator, entry("A", "Oude vermelding", "x", area, ZWOLLE, null));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("lastVerifiedAt", Instant.now().minus(Duration.ofDays(400))), "services");
        assertThat(anonymous.as(issuer.operator()).post("/api/v1/socialmap/search-index/rebuild", null).status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/socialmap/search-index/rebuild", null).status()).isEqualTo(401);
        assertThat(search("municipality=" + area).get("items").get(0).get("needsVerification").asBoolean()).isTrue();
        assertThat(anonymous.get("/api/v1/socialmap/services/unverified?pageSize=100").json().get("items").findValuesAsString("id"))
                .contains(id);
        assertThat(coordinator.post("/api/v1/socialmap/services/" + id + "/verification", null).status()).isEqualTo(200);
        assertThat(search("municipality=" + area).get("items").get(0).get("needsVerification").asBoolean()).isFalse();
        assertThat(anonymous.get("/api/v1/socialmap/services/unverified?pageSize=100").json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void lists_an_organisations_own_entries_and_its_unverified_ones_for_its_staff() {
        String area = area();
        String organisation = "Eigen Lijst " + UUID.randomUUID();
        Api staff = anonymous.as(issuer.staff(organisation));
        String second = create(staff, entry(organisation, "Tweede vermelding", "x", area, ZWOLLE, null));
        String first = create(staff, entry(organisation, "Eerste vermelding", "x", area, ZWOLLE, null));
        create(coordinator, entry("Iemand Anders", "Andermans vermelding", "x", area, ZWOLLE, null));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(second)),
                new Update().set("lastVerifiedAt", Instant.now().minus(Duration.ofDays(400))), "services");

        var own = staff.get("/api/v1/socialmap/services?organization=" + encode(organisation)).json();
        assertThat(own.get("items").findValuesAsString("id")).containsExactly(first, second);
        assertThat(own.get("totalElements").asLong()).isEqualTo(2);
        var todo = staff.get("/api/v1/socialmap/services/unverified?organization=" + encode(organisation)).json();
        assertThat(todo.get("items").findValuesAsString("id")).containsExactly(second);
        assertThat(todo.get("totalElements").asLong()).isEqualTo(1);
        assertThat(anonymous.get("/api/v1/socialmap/services").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/socialmap/services?organization=x&pageSize=201").status()).isEqualTo(400);
    }

    @Test
    void another_replicas_changes_reach_this_replicas_index_through_events() {
        String area = area();
        try (var replica = new org.springframework.boot.builder.SpringApplicationBuilder(SocialMapServiceApplication.class)
                .run("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                        "--spring.kafka.bootstrap-servers=" + infrastructure().kafkaBootstrapServers(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                        "--socialmap.index.replica=second-" + UUID.randomUUID())) {
            int replicaPort = replica.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api other = new Api("http://localhost:" + replicaPort).as(issuer.coordinator());
            Response created = other.post("/api/v1/socialmap/services", entry("A", "Via de andere replica", "x", area, ZWOLLE, null));
            assertThat(created.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(names(search("municipality=" + area)))
                    .containsExactly("Via de andere replica"));
        }
    }

    static List<String> ids(JsonNode result) {
        return result.get("items").valueStream().map(hit -> hit.get("service").get("id").asString()).toList();
    }

}
