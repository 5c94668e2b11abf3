package nl.mantelzorgthuis.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import nl.mantelzorgthuis.starter.consumer.ConsumerAutoConfiguration;
import nl.mantelzorgthuis.starter.consumer.ProcessedEvents;
import nl.mantelzorgthuis.starter.health.HealthAutoConfiguration;
import nl.mantelzorgthuis.starter.health.KafkaHealthIndicator;
import nl.mantelzorgthuis.starter.health.MongoPingHealthIndicator;
import nl.mantelzorgthuis.starter.openapi.OpenApiAutoConfiguration;
import nl.mantelzorgthuis.starter.outbox.OutboxAutoConfiguration;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.starter.problem.DefaultProblemHandling;
import nl.mantelzorgthuis.starter.problem.ProblemAutoConfiguration;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import nl.mantelzorgthuis.starter.web.RequestIdFilter;
import nl.mantelzorgthuis.starter.web.WebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Each auto-configuration of the starter switched on, off by its property, and replaced by a service's own bean. */
class AutoConfigurationSwitchesTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner();
    private final ApplicationContextRunner plain = new ApplicationContextRunner();

    @RestControllerAdvice
    static class OwnProblems extends ProblemHandling {
    }

    @Test
    void web_gives_a_utc_clock_and_the_request_id_filter_unless_switched_off_or_replaced() {
        web.withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class)).run(context -> {
            assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(context.getBeansOfType(FilterRegistrationBean.class).values()).extracting(FilterRegistrationBean::getFilter)
                    .hasAtLeastOneElementOfType(RequestIdFilter.class)
                    .hasAtLeastOneElementOfType(nl.mantelzorgthuis.starter.web.BodyLimitFilter.class);
        });
        web.withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class))
                .withPropertyValues("platform.request-id.enabled=false", "platform.limits.enabled=false")
                .withBean(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
                    assertThat(context.getBean(Clock.class).instant()).isEqualTo(Instant.EPOCH);
                });
    }

    @Test
    void problems_come_from_the_default_advice_unless_switched_off_or_the_service_has_its_own() {
        web.withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(DefaultProblemHandling.class));
        web.withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class))
                .withPropertyValues("platform.problems.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ProblemHandling.class));
        web.withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class)).withBean(OwnProblems.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DefaultProblemHandling.class);
                    assertThat(context).hasSingleBean(OwnProblems.class);
                });
    }

    @Test
    void health_indicators_for_store_and_broker_can_each_be_switched_off() {
        var withBoth = plain.withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class))
                .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://localhost:1"), "x"))
                .withBean(KafkaProperties.class, KafkaProperties::new)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("spring.kafka.bootstrap-servers=localhost:1", "platform.health.kafka-timeout=200ms");
        withBoth.run(context -> {
            assertThat(context).hasBean("mongoHealthIndicator").hasSingleBean(MongoPingHealthIndicator.class);
            assertThat(context).hasBean("kafkaHealthIndicator").hasSingleBean(KafkaHealthIndicator.class);
            assertThat(context.getBean(MeterRegistry.class).find("kafka.reachable").gauge().value()).isZero();
        });
        withBoth.withPropertyValues("platform.health.mongo=false", "platform.health.kafka=false").run(context -> {
            assertThat(context).doesNotHaveBean(MongoPingHealthIndicator.class);
            assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class);
        });
    }

    @Test
    void the_outbox_relay_runs_for_a_service_that_names_its_topic_and_not_when_switched_off() {
        var publisher = plain.withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
                .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://localhost:1"), "x"))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(KafkaTemplate.class, () -> new KafkaTemplate<String, CloudEvent>(new DefaultKafkaProducerFactory<>(
                        java.util.Map.of("bootstrap.servers", "localhost:1"))));
        publisher.run(context -> assertThat(context).doesNotHaveBean(OutboxRelay.class));
        publisher.withPropertyValues("platform.outbox.topic=t", "platform.outbox.collections=a,b").run(context -> {
            assertThat(context).hasSingleBean(OutboxRelay.class);
            assertThat(context.getBean(MeterRegistry.class).find("outbox.pending").gauges()).hasSize(2);
        });
        publisher.withPropertyValues("platform.outbox.topic=t", "platform.outbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OutboxRelay.class));
    }

    @Test
    void consumers_get_the_dead_letter_error_handler_and_lazy_deduplication_unless_switched_off() {
        var consumer = plain.withConfiguration(AutoConfigurations.of(ConsumerAutoConfiguration.class))
                .withBean(KafkaProperties.class, KafkaProperties::new)
                .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://localhost:1"), "x"));
        consumer.run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            // Lazy: defined, but no collection or index is created until a consumer uses it.
            assertThat(context.getBeanFactory().getBeanDefinition("processedEvents").isLazyInit()).isTrue();
            assertThat(context.getBeanNamesForType(ProcessedEvents.class)).hasSize(1);
        });
        consumer.withPropertyValues("platform.consumer.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(CommonErrorHandler.class);
            assertThat(context.getBeanNamesForType(ProcessedEvents.class)).isEmpty();
        });
    }

    @Test
    void the_openapi_document_comes_from_platform_api_settings_unless_the_service_has_its_own() {
        web.withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
                .withPropertyValues("platform.api.title=Practice API", "platform.api.version=1.2.3")
                .run(context -> {
                    OpenAPI api = context.getBean(OpenAPI.class);
                    assertThat(api.getInfo().getTitle()).isEqualTo("Practice API");
                    assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
                    assertThat(api.getServers().getFirst().getUrl()).isEqualTo("/api/v1");
                    assertThat(context).hasBean("designRules");
                });
        web.withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
                .withPropertyValues("platform.openapi.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OpenAPI.class).doesNotHaveBean("designRules"));
        OpenAPI own = new OpenAPI();
        web.withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class)).withBean(OpenAPI.class, () -> own)
                .run(context -> assertThat(context.getBean(OpenAPI.class)).isSameAs(own));
    }
}
