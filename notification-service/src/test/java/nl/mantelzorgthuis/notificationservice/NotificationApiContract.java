package nl.mantelzorgthuis.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import jakarta.mail.internet.MimeMessage;
import nl.mantelzorgthuis.notificationservice.support.DomainEvents;
import nl.mantelzorgthuis.notificationservice.support.Receiver;
import nl.mantelzorgthuis.notificationservice.support.Standalone;
import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Api.Response;
import nl.mantelzorgthuis.testsupport.EventProbe;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The notification-service over HTTP against a running service, a real Kafka broker carrying the
 * other services' events, a MongoDB-compatible store, a real SMTP server (GreenMail) and webhook
 * receivers on loopback. Written once; subclasses choose the infrastructure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NotificationApiContract {

    static final TestIssuer issuer = TestIssuer.shared();
    static final GreenMail smtp = startSmtp();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api anonymous;
    Api coordinator;
    Api municipality;
    DomainEvents events;
    Receiver receiver;

    protected abstract Infrastructure infrastructure();

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static void register(DynamicPropertyRegistry registry, Infrastructure infra, String database) {
        registry.add("spring.mongodb.uri", () -> infra.mongoUri(database));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
        registry.add("notification.consumer.group", () -> "notification-service-" + database);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("notification.webhooks.allowed-networks", () -> "127.0.0.0/8");
        registry.add("notification.webhooks.retry-delays", () -> "1s,1s,1s");
        registry.add("notification.webhooks.jitter", () -> "0.1");
        registry.add("notification.webhooks.poll-interval", () -> "200ms");
        registry.add("notification.webhooks.feed-settle", () -> "100ms");
        registry.add("notification.mail.poll-interval", () -> "200ms");
        registry.add("notification.mail.digest-check-interval", () -> "200ms");
    }

    @BeforeEach
    void clients() {
        anonymous = new Api("http://localhost:" + port);
        coordinator = anonymous.as(issuer.coordinator());
        municipality = anonymous.as(issuer.municipalClient("gemeente-zwolle", "GM0193"));
        events = new DomainEvents(infrastructure().kafkaBootstrapServers());
        receiver = new Receiver();
    }

    @AfterEach
    void close() {
        events.close();
        receiver.close();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.reset();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    Api person(String email) {
        return anonymous.as(issuer.person(email, List.of("ORGANISATION_STAFF"), "Zwolle Doet!"));
    }

    void follow(Api as, String kind, String value) {
        Response followed = as.post("/api/v1/notifications/follows", "{\"kind\":\"" + kind + "\",\"value\":\"" + value + "\"}");
        assertThat(followed.status()).as(followed.body()).isEqualTo(201);
    }

    void preferences(Api as, String locale, String frequency) {
        Response set = as.put("/api/v1/notifications/preferences",
                "{\"locale\":\"" + locale + "\",\"email\":{\"frequency\":\"" + frequency + "\"}}", null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    JsonNode inbox(Api as) {
        Response inbox = as.get("/api/v1/notifications/inbox");
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return inbox.json();
    }

    /** A webhook for this receiver; returns (id, secret). */
    String[] webhook(Api as, String filters) {
        Response created = as.post("/api/v1/notifications/webhooks",
                "{\"name\":\"Zaaksysteem\",\"url\":\"" + receiver.url("/hooks") + "\"" + filters + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.json().get("id").asString(), created.json().get("secret").asString()};
    }

    /** Waits until the service has consumed and stored the change of this item: what follows is not a race. */
    void awaitStored(String itemName) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("itemName").is(itemName)), "notifications"));
    }

    void publishExperiment(String type, String experimentId, String practiceId, String title, String status) {
        events.publish("experiment-events", experimentId, DomainEvents.experiment(type, experimentId, practiceId, title, status));
    }

    private static Map<String, List<String>> headers(Receiver.Call call) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, List.of(call.header(name)));
        }
        return headers;
    }

    @Test
    void a_person_following_a_practice_sees_an_inbox_item_and_gets_a_mail_when_an_experiment_in_it_changes() throws Exception {
        String email = "volger-" + id().substring(0, 8) + "@zwolledoet.nl";
        Api person = person(email);
        String practice = id();
        follow(person, "PRACTICE", practice);
        preferences(person, "nl", "IMMEDIATE");

        String experiment = id();
        publishExperiment("status-changed", experiment, practice, "Spiegelgesprek", "RUNNING");

        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(person), p -> p.get("items").size() == 1);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo("Experiment \u201eSpiegelgesprek\u201d: loopt");
        assertThat(item.get("body").asString()).contains("Praktijkversneller Zwolle");
        assertThat(item.get("link").asString()).endsWith("/api/v1/experiments/" + experiment);
        assertThat(item.get("read").asBoolean()).isFalse();
        assertThat(page.get("unread").asLong()).isEqualTo(1);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), m -> !m.isEmpty()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Experiment \u201eSpiegelgesprek\u201d: loopt");
        assertThat(mail.getContent().toString()).contains("/api/v1/experiments/" + experiment);

        String itemId = item.get("id").asString();
        assertThat(person.post("/api/v1/notifications/inbox/" + itemId + "/read", null).status()).isEqualTo(204);
        assertThat(person.get("/api/v1/notifications/inbox/unread-count").json().get("unread").asLong()).isZero();
        assertThat(person.post("/api/v1/notifications/inbox/" + itemId + "/archive", null).status()).isEqualTo(204);
        assertThat(inbox(person).get("items")).isEmpty();
        assertThat(person.get("/api/v1/notifications/inbox?archived=true").json().get("items")).hasSize(1);

        preferences(person, "en", "IMMEDIATE");
        assertThat(person.get("/api/v1/notifications/inbox?archived=true").json().get("items").get(0).get("title").asString())
                .isEqualTo("Experiment \u201cSpiegelgesprek\u201d: running");
    }

    @Test
    void changes_before_following_and_of_other_practices_stay_out_of_the_inbox() {
        Api person = person("ander-" + id().substring(0, 8) + "@zwolledoet.nl");
        String practice = id();
        publishExperiment("created", id(), practice, "Te vroeg", "IDEA");
        // The practice directory learns Zwolle's practice; a follower of the municipality hears of its experiments.
        events.publish("practice-events", practice, DomainEvents.practice(practice, "Lerende praktijk Zwolle", "GM0193"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(practice, Document.class, "practices") != null);
        follow(person, "MUNICIPALITY", "GM0193");
        follow(person, "PRACTICE", practice);
        publishExperiment("created", id(), id(), "Andere praktijk", "IDEA");
        publishExperiment("created", id(), practice, "Op tijd", "IDEA");

        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(person), p -> p.get("items").size() >= 1);
        assertThat(page.get("items").findValuesAsString("title")).containsExactly("Nieuw experiment \u201eOp tijd\u201d in Praktijkversneller Zwolle");
    }

    @Test
    void another_replica_shows_in_its_inboxes_what_this_one_stored() {
        // A second replica on the same store that consumes nothing itself: only the store can tell it.
        ConfigurableApplicationContext other = Standalone.start(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.mongodb.uri", infrastructure().mongoUri(mongo.getDb().getName())),
                Map.entry("spring.kafka.bootstrap-servers", infrastructure().kafkaBootstrapServers()),
                Map.entry("notification.topics", "nothing-" + id()),
                Map.entry("notification.consumer.group", "other-replica-" + id()),
                Map.entry("notification.webhooks.replica", "other-replica"),
                Map.entry("notification.webhooks.feed-settle", "100ms"),
                Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer()),
                Map.entry("logging.structured.format.console", "")));
        try {
            Api elsewhere = Standalone.api(other).as(issuer.person("elders-" + id().substring(0, 8) + "@zwolledoet.nl",
                    List.of("ORGANISATION_STAFF"), "Zwolle Doet!"));
            String practice = id();
            follow(elsewhere, "PRACTICE", practice);

            publishExperiment("created", id(), practice, "Elders opgeslagen", "IDEA");
            awaitStored("Elders opgeslagen");

            JsonNode page = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(elsewhere), p -> p.get("items").size() == 1);
            assertThat(page.get("items").get(0).get("title").asString()).contains("Elders opgeslagen");
            assertThat(page.get("unread").asLong()).isEqualTo(1);
        } finally {
            other.close();
        }
    }

    @Test
    void digest_collects_what_changed_since_the_last_one_in_one_mail() throws Exception {
        String email = "digest-" + id().substring(0, 8) + "@zwolledoet.nl";
        Api person = person(email);
        follow(person, "TAXONOMY_TERM", "respijtzorg");
        preferences(person, "nl", "DAILY");
        JsonNode prefs = person.get("/api/v1/notifications/preferences").json();
        assertThat(Instant.parse(prefs.get("nextDigestAt").asString())).isAfter(Instant.now());

        events.publish("socialmap-events", "s1", DomainEvents.service(id(), "Logeerhuis De Linde", "GM0193", "respijtzorg"));
        events.publish("socialmap-events", "s2", DomainEvents.service(id(), "Dagopvang Het Anker", "GM0193", "respijtzorg"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(person).get("items").size() == 2);
        assertThat(mailsTo(email)).isEmpty();

        // The schedule (DigestScheduleTest) decides when; here the clock has reached it.
        // TestIssuer makes a person's email their token subject, which is their id here.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(email)), new Update().set("nextDigestAt", Instant.now()), "people");
        MimeMessage digest = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), m -> !m.isEmpty()).getFirst();
        assertThat(digest.getSubject()).isEqualTo("Uw dagoverzicht: 2 wijziging(en)");
        assertThat(digest.getContent().toString()).contains("Logeerhuis De Linde", "Dagopvang Het Anker");
        JsonNode after = person.get("/api/v1/notifications/preferences").json();
        assertThat(Instant.parse(after.get("nextDigestAt").asString())).isAfter(Instant.now());
    }

    @Test
    void a_webhook_receives_signed_cloudevents_that_verify_with_the_standard_webhooks_library() throws Exception {
        String[] hook = webhook(municipality, ",\"eventTypes\":[\"nl.mantelzorgthuis.experiment.*\"]");
        String experiment = id();
        publishExperiment("created", experiment, id(), "Mantelzorgcafé", "IDEA");
        String unwanted = "Niet gevraagd " + id();
        events.publish("socialmap-events", "x", DomainEvents.service(id(), unwanted, "GM0193", "respijtzorg"));

        Receiver.Call call = await().atMost(Duration.ofSeconds(30)).until(receiver::calls, c -> !c.isEmpty()).getFirst();
        assertThat(call.header("content-type")).startsWith("application/cloudevents+json");
        new Webhook(hook[1]).verify(call.body(), headers(call));
        JsonNode cloudEvent = Api.parse(call.body());
        assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
        assertThat(cloudEvent.get("subject").asString()).isEqualTo(experiment);
        assertThat(call.header("webhook-id")).startsWith("msg_");

        JsonNode log = await().atMost(Duration.ofSeconds(10)).until(
                () -> municipality.get("/api/v1/notifications/webhooks/" + hook[0] + "/deliveries").json(),
                l -> l.size() == 1 && l.get(0).get("status").asString().equals("DELIVERED"));
        assertThat(log.get(0).get("id").asString()).isEqualTo(call.header("webhook-id"));
        assertThat(log.get(0).get("log").get(0).get("status").asInt()).isEqualTo(200);
        awaitStored(unwanted);
        assertThat(receiver.calls()).hasSize(1);
    }

    @Test
    void a_failing_receiver_gets_retries_with_the_same_id_and_retry_after_is_honoured() {
        receiver.answer(n -> n == 1 ? new Receiver.Answer(503, "1", Duration.ZERO) : n == 2 ? Receiver.Answer.status(500) : Receiver.Answer.ok());
        String[] hook = webhook(municipality, "");
        publishExperiment("created", id(), id(), "Retry", "IDEA");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        List<Receiver.Call> calls = receiver.calls();
        assertThat(calls).hasSize(3);
        assertThat(calls.stream().map(c -> c.header("webhook-id")).distinct()).hasSize(1);
        JsonNode delivery = await().atMost(Duration.ofSeconds(10)).until(
                () -> municipality.get("/api/v1/notifications/webhooks/" + hook[0] + "/deliveries").json().get(0),
                d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("log").findValuesAsString("error")).containsExactly("HTTP 503", "HTTP 500");
    }

    @Test
    void gone_disables_the_endpoint_and_tells_its_owner() {
        receiver.answer(n -> Receiver.Answer.status(410));
        Api staff = person("eigenaar-" + id().substring(0, 8) + "@zwolledoet.nl");
        String[] hook = webhook(staff, "");
        publishExperiment("created", id(), id(), "Weg", "IDEA");

        await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("/api/v1/notifications/webhooks/" + hook[0]).json()
                .get("status").asString().equals("DISABLED"));
        JsonNode inbox = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(staff), p -> p.get("items").size() == 1);
        assertThat(inbox.get("items").get(0).get("title").asString()).isEqualTo("Webhook Zaaksysteem is uitgeschakeld");
        int calls = receiver.calls().size();
        String whileDisabled = "Niet meer " + id();
        publishExperiment("created", id(), id(), whileDisabled, "IDEA");
        awaitStored(whileDisabled);
        assertThat(staff.get("/api/v1/notifications/webhooks/" + hook[0] + "/deliveries").json()).hasSize(1);
        assertThat(staff.post("/api/v1/notifications/webhooks/" + hook[0] + "/enable", null).json().get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(receiver.calls()).hasSize(calls);
    }

    @Test
    void secret_rotation_signs_with_both_secrets_during_the_grace_period() throws Exception {
        String[] hook = webhook(municipality, "");
        Response rotated = municipality.post("/api/v1/notifications/webhooks/" + hook[0] + "/secret-rotations", null);
        assertThat(rotated.status()).isEqualTo(201);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).isNotEqualTo(hook[1]);
        assertThat(municipality.get("/api/v1/notifications/webhooks/" + hook[0]).json().has("secret")).isFalse();
        // At rest both secrets are sealed (AES-GCM with a key id), never in plain text.
        String stored = mongo.findById(hook[0], org.bson.Document.class, "endpoints").toJson();
        assertThat(stored).doesNotContain(hook[1]).doesNotContain(newSecret).contains("enc:v1:");

        publishExperiment("created", id(), id(), "Roteren", "IDEA");
        Receiver.Call call = await().atMost(Duration.ofSeconds(30)).until(receiver::calls, c -> !c.isEmpty()).getFirst();
        assertThat(call.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(newSecret).verify(call.body(), headers(call));
        new Webhook(hook[1]).verify(call.body(), headers(call));
    }

    @Test
    void one_message_can_be_redelivered_and_everything_since_a_moment_replayed_with_the_same_ids() {
        String[] hook = webhook(municipality, "");
        Instant before = Instant.now();
        publishExperiment("created", id(), id(), "Een", "IDEA");
        publishExperiment("created", id(), id(), "Twee", "IDEA");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        String first = receiver.calls().getFirst().header("webhook-id");
        await().atMost(Duration.ofSeconds(10)).until(() -> municipality.get("/api/v1/notifications/webhooks/" + hook[0]
                + "/deliveries?status=DELIVERED").json().size() == 2);

        assertThat(municipality.post("/api/v1/notifications/webhooks/" + hook[0] + "/deliveries/" + first + "/redeliveries", null)
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 3);
        assertThat(receiver.calls().get(2).header("webhook-id")).isEqualTo(first);

        Response replay = municipality.post("/api/v1/notifications/webhooks/" + hook[0] + "/replays", "{\"since\":\"" + before + "\"}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().get("requeued").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 5);
        assertThat(receiver.calls().subList(3, 5).stream().map(c -> c.header("webhook-id")))
                .containsExactlyInAnyOrderElementsOf(receiver.calls().subList(0, 2).stream().map(c -> c.header("webhook-id")).toList());
    }

    @Test
    void an_event_seen_twice_is_one_notification_and_one_delivery() {
        String[] hook = webhook(municipality, "");
        Api person = person("dubbel-" + id().substring(0, 8) + "@zwolledoet.nl");
        String practice = id();
        follow(person, "PRACTICE", practice);
        String event = DomainEvents.experiment("created", id(), practice, "Dubbel", "IDEA");
        events.publish("experiment-events", "k", event);
        events.publish("experiment-events", "k", event);
        publishExperiment("created", id(), practice, "Daarna", "IDEA");

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(person).get("items").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
        assertThat(receiver.calls().stream().map(c -> c.header("webhook-id")).distinct()).hasSize(2);
        assertThat(municipality.get("/api/v1/notifications/webhooks/" + hook[0] + "/deliveries").json()).hasSize(2);
    }

    @Test
    void refuses_webhooks_aimed_inside_the_platform_network() {
        for (String url : List.of("http://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data", "https://192.168.1.1/x",
                "https://[fd00::1]/x", "ftp://example.org/x", "https://user:pw@example.org/x")) {
            Response refused = municipality.post("/api/v1/notifications/webhooks", "{\"url\":\"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("url");
        }
    }

    @Test
    void a_zgw_subscriber_receives_notificatie_messages_with_its_auth_header() {
        JsonNode kanalen = anonymous.get("/api/v1/notifications/nrc/kanaal").json();
        assertThat(kanalen.findValuesAsString("naam")).contains("experimenten", "praktijken", "sociale-kaart");
        String practice = id();
        Response created = municipality.post("/api/v1/notifications/nrc/abonnement", """
                {"callbackUrl":"%s","auth":"Bearer zaaksysteem-123",
                 "kanalen":[{"naam":"experimenten","filters":{"praktijk":"%s"}}]}""".formatted(receiver.url("/nrc"), practice));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("url").asString()).contains("/api/v1/notifications/nrc/abonnement/");
        // ZGW defines url as format: uri: the Location is the same absolute address as the body's url.
        assertThat(created.header("Location")).isEqualTo(created.json().get("url").asString()).startsWith("http");

        publishExperiment("created", id(), id(), "Ander kanaalfilter", "IDEA");
        String experiment = id();
        publishExperiment("status-changed", experiment, practice, "Gefilterd", "RUNNING");

        Receiver.Call call = await().atMost(Duration.ofSeconds(30)).until(receiver::calls, c -> !c.isEmpty()).getFirst();
        assertThat(call.header("authorization")).isEqualTo("Bearer zaaksysteem-123");
        JsonNode notificatie = Api.parse(call.body());
        assertThat(notificatie.get("kanaal").asString()).isEqualTo("experimenten");
        assertThat(notificatie.get("resource").asString()).isEqualTo("experiment");
        assertThat(notificatie.get("resourceUrl").asString()).endsWith("/api/v1/experiments/" + experiment);
        assertThat(notificatie.get("hoofdObject").asString()).endsWith("/api/v1/practices/" + practice);
        assertThat(notificatie.get("actie").asString()).isEqualTo("status_changed");
        assertThat(notificatie.get("kenmerken").get("praktijk").asString()).isEqualTo(practice);
        assertThat(notificatie.has("aanmaakdatum")).isTrue();
        assertThat(receiver.calls()).hasSize(1);

        Response unknown = municipality.post("/api/v1/notifications/nrc/abonnement",
                "{\"callbackUrl\":\"" + receiver.url("/nrc") + "\",\"auth\":\"x\",\"kanalen\":[{\"naam\":\"zaken\"}]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("kanalen[0].naam");
    }

    @Test
    void a_municipal_source_system_publishes_notificaties_to_the_abonnementen_of_their_kanaal() {
        String naam = "zaken-" + id().substring(0, 8);
        assertThat(coordinator.post("/api/v1/notifications/nrc/kanaal",
                "{\"naam\":\"" + naam + "\",\"filters\":[\"gemeente\",\"zaaktype\"]}").status()).isEqualTo(201);
        Response subscribed = municipality.post("/api/v1/notifications/nrc/abonnement", """
                {"callbackUrl":"%s","auth":"Bearer afnemer-1",
                 "kanalen":[{"naam":"%s","filters":{"zaaktype":"mantelzorgwaardering"}}]}""".formatted(receiver.url("/zaken"), naam));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        String message = """
                {"kanaal":"%s","hoofdObject":"https://zaken.zwolle.nl/api/v1/zaken/%s","resource":"zaak",
                 "resourceUrl":"https://zaken.zwolle.nl/api/v1/zaken/%s","actie":"create","aanmaakdatum":"2026-12-02T10:15:00+01:00",
                 "kenmerken":{"gemeente":"GM0193","zaaktype":"%s"}}""";

        Response published = municipality.post("/api/v1/notifications/nrc/notificaties",
                message.formatted(naam, "z1", "z1", "mantelzorgwaardering"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("kanaal").asString()).isEqualTo(naam);
        // Not for this abonnement's filter: accepted, delivered to nobody.
        assertThat(municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted(naam, "z2", "z2", "parkeervergunning"))
                .status()).isEqualTo(200);

        Receiver.Call call = await().atMost(Duration.ofSeconds(30)).until(receiver::calls, c -> !c.isEmpty()).getFirst();
        assertThat(call.header("authorization")).isEqualTo("Bearer afnemer-1");
        JsonNode notificatie = Api.parse(call.body());
        assertThat(notificatie.get("resourceUrl").asString()).isEqualTo("https://zaken.zwolle.nl/api/v1/zaken/z1");
        assertThat(notificatie.get("kenmerken").get("zaaktype").asString()).isEqualTo("mantelzorgwaardering");
        assertThat(java.time.Instant.parse(notificatie.get("aanmaakdatum").asString())).isEqualTo("2026-12-02T09:15:00Z");
        assertThat(receiver.calls()).hasSize(1);

        // Authorised per kanaal: another municipality's gemeente, the platform's own kanalen, people who are not coordinators.
        Response otherMunicipality = municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted(naam, "z3", "z3", "x")
                .replace("GM0193", "GM0200"));
        assertThat(otherMunicipality.status()).isEqualTo(403);
        assertThat(otherMunicipality.header("Content-Type")).startsWith("application/problem+json");
        assertThat(municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted("praktijken", "z4", "z4", "x")
                .replace(",\"zaaktype\":\"x\"", "")).status()).isEqualTo(403);
        assertThat(anonymous.as(issuer.staff("Zwolle Doet!")).post("/api/v1/notifications/nrc/notificaties",
                message.formatted(naam, "z5", "z5", "x")).status()).isEqualTo(403);
        assertThat(anonymous.post("/api/v1/notifications/nrc/notificaties", message.formatted(naam, "z6", "z6", "x")).status())
                .isEqualTo(401);
        // Validated as the standard's Message: unknown kanaal or kenmerk, relative urls, no date.
        Response unknownKanaal = municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted("onbekend", "z", "z", "x"));
        assertThat(unknownKanaal.status()).isEqualTo(400);
        assertThat(unknownKanaal.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("kanaal");
        Response unknownKenmerk = municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted(naam, "z", "z", "x")
                .replace("\"zaaktype\"", "\"bsn\""));
        assertThat(unknownKenmerk.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("kenmerken.bsn");
        Response relative = municipality.post("/api/v1/notifications/nrc/notificaties", message.formatted(naam, "z", "z", "x")
                .replace("https://zaken.zwolle.nl", ""));
        assertThat(relative.status()).isEqualTo(400);
        assertThat(relative.json().get("invalidParams").findValuesAsString("name")).contains("hoofdObject", "resourceUrl");
        assertThat(municipality.post("/api/v1/notifications/nrc/notificaties", "{\"kanaal\":\"" + naam + "\"}").status())
                .isEqualTo(400);
        assertThat(receiver.calls()).hasSize(1);
    }

    @Test
    void a_system_that_cannot_receive_calls_reads_a_cursor_paged_feed() {
        Response created = municipality.post("/api/v1/notifications/webhooks",
                "{\"name\":\"Pull\",\"municipalities\":[\"GM0193\"],\"eventTypes\":[\"nl.mantelzorgthuis.socialmap.*\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String feed = "/api/v1/notifications/webhooks/" + created.json().get("id").asString() + "/feed";
        for (int i = 0; i < 3; i++) {
            events.publish("socialmap-events", "f" + i, DomainEvents.service(id(), "Feed " + i, "GM0193", "respijtzorg"));
        }
        String elsewhere = "Elders " + id();
        events.publish("socialmap-events", "other", DomainEvents.service(id(), elsewhere, "GM0171", "respijtzorg"));

        await().atMost(Duration.ofSeconds(30)).until(() -> municipality.get(feed + "?since=0&limit=100").json().get("items").size() == 3);
        awaitStored(elsewhere);
        JsonNode first = municipality.get(feed + "?since=0&limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        // The feed has read past the other municipality's entry (the newest) without returning it.
        long elsewhereSeq = mongo.findOne(Query.query(Criteria.where("itemName").is(elsewhere)), Document.class, "notifications")
                .get("seq", Number.class).longValue();
        JsonNode rest = await().atMost(Duration.ofSeconds(10)).until(
                () -> municipality.get(feed + "?since=" + first.get("next").asLong() + "&limit=2").json(),
                r -> r.get("next").asLong() >= elsewhereSeq);
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("data").get("name").asString()).isEqualTo("Feed 2");
        JsonNode end = municipality.get(feed + "?since=" + rest.get("next").asLong()).json();
        assertThat(end.get("items")).isEmpty();
    }

    @Test
    void a_malformed_event_goes_to_the_dead_letter_topic_and_the_partition_moves_on() {
        Api person = person("dlt-" + id().substring(0, 8) + "@zwolledoet.nl");
        String practice = id();
        follow(person, "PRACTICE", practice);
        String key = "same-key";
        events.publish("experiment-events", key, "{not json");
        events.publish("experiment-events", key, DomainEvents.experiment("created", id(), practice, "Na de fout", "IDEA"));

        await().atMost(Duration.ofSeconds(60)).until(() -> inbox(person).get("items").size() == 1);
        try (EventProbe probe = new EventProbe(infrastructure().kafkaBootstrapServers(), "experiment-events.notification-service.dlt")) {
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.withKey(key), l -> !l.isEmpty());
            assertThat(dead.getFirst().value()).isEqualTo("{not json");
            assertThat(new String(dead.getFirst().headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("not a structured JSON CloudEvent");
        }
    }

    @Test
    void endpoints_belong_to_their_owner_and_tokens_are_checked() {
        String[] hook = webhook(municipality, "");
        Api otherMunicipality = anonymous.as(issuer.municipalClient("gemeente-almere", "GM0034"));
        assertThat(otherMunicipality.get("/api/v1/notifications/webhooks/" + hook[0]).status()).isEqualTo(403);
        assertThat(otherMunicipality.call(HttpMethod.DELETE, "/api/v1/notifications/webhooks/" + hook[0], null, null).status()).isEqualTo(403);
        assertThat(otherMunicipality.get("/api/v1/notifications/webhooks").json()).isEmpty();
        assertThat(coordinator.get("/api/v1/notifications/webhooks/" + hook[0]).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/notifications/webhooks").status()).isEqualTo(401);
        assertThat(anonymous.as(issuer.expired()).get("/api/v1/notifications/inbox").status()).isEqualTo(401);
        assertThat(anonymous.as(issuer.signedByAnotherKey()).get("/api/v1/notifications/inbox").status()).isEqualTo(401);
        assertThat(anonymous.as(issuer.forAnotherAudience()).get("/api/v1/notifications/inbox").status()).isEqualTo(401);
        Response machineInbox = municipality.get("/api/v1/notifications/inbox");
        assertThat(machineInbox.status()).isEqualTo(403);
        assertThat(machineInbox.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.as(issuer.operator()).post("/api/v1/notifications/webhooks", "{\"url\":\"" + receiver.url("/") + "\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void bad_input_is_a_problem_naming_the_field() {
        Response badKind = coordinator.post("/api/v1/notifications/follows", "{\"kind\":\"ZAAK\",\"value\":\"x\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("kind");
        Response badCode = coordinator.post("/api/v1/notifications/follows", "{\"kind\":\"MUNICIPALITY\",\"value\":\"Zwolle\"}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("value");
        Response badZone = coordinator.put("/api/v1/notifications/preferences",
                "{\"timeZone\":\"Mars/Olympus\",\"email\":{\"frequency\":\"DAILY\",\"time\":\"25:00\"}}", null);
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("invalidParams").findValuesAsString("name")).contains("email.time");
        Response notFound = coordinator.post("/api/v1/notifications/inbox/nope/read", null);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/notifications/webhooks", "{not json").status()).isEqualTo(400);
        Response nullItems = municipality.post("/api/v1/notifications/webhooks", "{\"url\":\"https://example.org/h\","
                + "\"eventTypes\":[null],\"municipalities\":[null],\"practices\":[null],\"organisations\":[null]}");
        assertThat(nullItems.status()).as(nullItems.body()).isEqualTo(400);
        assertThat(nullItems.json().get("invalidParams").findValuesAsString("name"))
                .contains("eventTypes[0]", "municipalities[0]", "practices[0]", "organisations[0]");
        Response nullType = coordinator.put("/api/v1/notifications/preferences",
                "{\"inboxEventTypes\":[null],\"email\":{\"frequency\":\"DAILY\",\"time\":\"08:00\"}}", null);
        assertThat(nullType.status()).as(nullType.body()).isEqualTo(400);
    }

    @Test
    void exposes_delivery_metrics_and_consumer_lag() {
        webhook(municipality, "");
        publishExperiment("created", id(), id(), "Meten", "IDEA");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
        String metrics = await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.get("/actuator/prometheus").body(),
                m -> m.contains("notification_deliveries_total{") && m.contains("channel=\"webhook\""));
        assertThat(metrics).contains("notification_delivery_latency_seconds_bucket", "notification_retry_queue_depth",
                "notification_endpoints_disabled", "kafka_consumer_fetch_manager_records_lag_max");
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }
}
