package nl.mantelzorgthuis.starter.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Health indicators for the store and the broker, named {@code mongo} and {@code kafka} for the health groups. */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(HealthProperties.class)
public class HealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnProperty(prefix = "platform.health", name = "mongo", matchIfMissing = true)
    static class Mongo {
        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    @ConditionalOnProperty(prefix = "platform.health", name = "kafka", matchIfMissing = true)
    static class Kafka {
        @Bean
        @ConditionalOnBean(KafkaProperties.class)
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, HealthProperties properties) {
            return new KafkaHealthIndicator(kafka, properties.kafkaTimeout());
        }

        /**
         * Checks the broker on a schedule of its own, so the gauge is current although readiness no
         * longer asks; the check is bounded by {@code platform.health.kafka-timeout}.
         */
        @Bean
        @ConditionalOnBean(KafkaHealthIndicator.class)
        KafkaReachability kafkaReachability(KafkaHealthIndicator indicator,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
                HealthProperties properties) {
            return new KafkaReachability(indicator, meters.getIfAvailable(), properties.kafkaCheckInterval());
        }
    }
}
