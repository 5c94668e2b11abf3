package nl.mantelzorgthuis.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import nl.mantelzorgthuis.notificationservice.support.DomainEvents;
import nl.mantelzorgthuis.notificationservice.support.Receiver;
import nl.mantelzorgthuis.notificationservice.support.Standalone;
import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the service while deliveries wait for retries (and some are in flight with a slow
 * receiver), then starts it again on the same store, or another replica: every accepted message is
 * delivered, each delivery id exactly once with success; receivers see repeats only under the same
 * webhook-id.
 */
abstract class RestartWithPendingRetriesContract {

    private static final int EVENTS = 20;

    protected abstract Infrastructure infrastructure();

    private ConfigurableApplicationContext start(Infrastructure infra, String database) {
        return start(infra, database, "restart-replica");
    }

    private ConfigurableApplicationContext start(Infrastructure infra, String database, String replica) {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("notification.webhooks.replica", replica),
                Map.entry("server.port", "0"),
                Map.entry("spring.mongodb.uri", infra.mongoUri(database)),
                Map.entry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers()),
                Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
                Map.entry("notification.consumer.group", "notification-service-" + database),
                Map.entry("notification.topics", "restart-events-" + database),
                Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared().issuer()),
                Map.entry("notification.webhooks.allowed-networks", "127.0.0.0/8"),
                Map.entry("notification.webhooks.retry-delays", "2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s"),
                Map.entry("notification.webhooks.jitter", "0.1"),
                Map.entry("notification.webhooks.lease", "3s"),
                Map.entry("notification.webhooks.poll-interval", "200ms"),
                Map.entry("logging.structured.format.console", ""));
        return Standalone.start(settings);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Standalone.api(context).as(TestIssuer.shared().municipalClient("gemeente-zwolle", "GM0193"));
    }

    @Test
    void every_accepted_notification_is_delivered_exactly_once_per_delivery_id_after_a_restart() {
        stopWithPendingDeliveriesThenDeliver("restart-replica", false);
    }

    @Test
    void another_replica_takes_over_what_a_stopped_one_left_once_the_leases_run_out() {
        stopWithPendingDeliveriesThenDeliver("other-replica", false);
    }

    @Test
    void deliveries_left_pending_by_a_version_without_the_pending_list_are_still_taken_over() {
        stopWithPendingDeliveriesThenDeliver("other-replica", true);
    }

    /**
     * The first replica stops with every delivery pending; the second, under {@code secondReplica}'s
     * name, delivers them. Without the pending list (as an earlier version left the store) the second
     * finds them through the list it makes at start. When all is delivered the list is empty again.
     */
    private void stopWithPendingDeliveriesThenDeliver(String secondReplica, boolean withoutPendingList) {
        Infrastructure infra = infrastructure();
        String database = "restart_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "restart-events-" + database;
        try (Receiver receiver = new Receiver(); DomainEvents events = new DomainEvents(infra.kafkaBootstrapServers());
                MongoClient mongo = MongoClients.create(infra.mongoUri(database))) {
            MongoCollection<org.bson.Document> pendingList = mongo.getDatabase(database).getCollection("deliveries_pending");
            // Down at first, and slow: some calls are still in flight when the service stops.
            receiver.answer(n -> n % 2 == 0 ? Receiver.Answer.status(503) : new Receiver.Answer(503, null, Duration.ofSeconds(2)));
            ConfigurableApplicationContext first = start(infra, database);
            String hook = api(first).post("/api/v1/notifications/webhooks", "{\"url\":\"" + receiver.url("/hook") + "\"}")
                    .json().get("id").asString();
            for (int i = 0; i < EVENTS; i++) {
                String experiment = UUID.randomUUID().toString();
                events.publish(topic, experiment, DomainEvents.experiment("created", experiment, "p", "Herstart " + i, "IDEA"));
            }
            // All accepted and waiting: the receiver failed some, the circuit breaker holds back the rest.
            Api firstApi = api(first);
            await().atMost(Duration.ofSeconds(60)).until(() -> firstApi.get("/api/v1/notifications/webhooks/" + hook
                    + "/deliveries?status=PENDING&pageSize=100").json().size() == EVENTS && receiver.calls().size() >= 5);
            first.close();
            assertThat(pendingList.countDocuments()).isEqualTo(EVENTS);
            if (withoutPendingList) {
                pendingList.drop();
            }

            receiver.answer(n -> Receiver.Answer.ok());
            ConfigurableApplicationContext second = start(infra, database, secondReplica);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> distinctIds(receiver.delivered()).size() == EVENTS);
                Api api = api(second);
                await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/notifications/webhooks/" + hook
                        + "/deliveries?status=DELIVERED&pageSize=100").json().size() == EVENTS);
                Map<String, Long> successes = receiver.delivered().stream()
                        .collect(Collectors.groupingBy(c -> c.header("webhook-id"), Collectors.counting()));
                assertThat(successes).hasSize(EVENTS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
                assertThat(distinctIds(receiver.calls())).isEqualTo(successes.keySet());
                await().atMost(Duration.ofSeconds(30)).until(() -> pendingList.countDocuments() == 0);

                // An entry a crash left between the success write and the entry's removal: the sweep removes it.
                pendingList.insertOne(new org.bson.Document("_id", successes.keySet().iterator().next())
                        .append("leaseUntil", java.util.Date.from(java.time.Instant.now().minusSeconds(1))));
                await().atMost(Duration.ofSeconds(30)).until(() -> pendingList.countDocuments() == 0);
                assertThat(distinctIds(receiver.calls())).hasSize(EVENTS);
                assertThat(receiver.delivered()).hasSize(EVENTS);
            } finally {
                second.close();
            }
        }
    }

    private static Set<String> distinctIds(List<Receiver.Call> calls) {
        return calls.stream().map(c -> c.header("webhook-id")).collect(Collectors.toCollection(HashSet::new));
    }
}
