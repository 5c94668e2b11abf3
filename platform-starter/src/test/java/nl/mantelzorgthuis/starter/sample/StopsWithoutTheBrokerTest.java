package nl.mantelzorgthuis.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service asked to stop while its broker is gone stops within Kubernetes' default grace period
 * (30 s): every close (producer, consumers, admin client, relay) is bounded. It took 20–40 s before.
 */
class StopsWithoutTheBrokerTest {

    @Test
    void stops_within_the_grace_period_when_kafka_is_gone() {
        Infrastructure infra = Infrastructure.embedded();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class).run(
                "--server.port=0", "--spring.application.name=sample-service",
                "--spring.mongodb.uri=" + infra.mongoUri("starter_stop"),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuer(),
                "--platform.outbox.topic=sample-events", "--platform.outbox.collections=samples",
                "--platform.outbox.poll-interval=200ms");
        Duration took;
        infra.stopKafka();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api caller = new Api("http://localhost:" + port).as(TestIssuer.shared().staff("Zwolle Doet!"));
            // Accepted while the broker is away: its event waits in the outbox, the relay keeps trying.
            assertThat(caller.post("/api/v1/samples", "{\"name\":\"Tijdens de storing\"}").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    new Api("http://localhost:" + port).get("/actuator/prometheus").body())
                    .containsPattern("outbox_publish_failures_total\\{[^}]*} [1-9]"));
            Instant asked = Instant.now();
            context.close();
            took = Duration.between(asked, Instant.now());
        } finally {
            infra.startKafka();
        }
        assertThat(took).as("time to stop without the broker").isLessThan(Duration.ofSeconds(30));
    }
}
