package nl.mantelzorgthuis.starter.consumer;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How consumed events fail. A malformed event goes straight to the consumer's dead-letter topic
 * (with spring-kafka's exception headers naming the reason) and the partition moves on. Anything
 * else (store down) is retried with backoff before it is dead-lettered too, so one bad event cannot
 * block a partition for ever. For batch listeners the same handler commits before the failed record,
 * dead-letters it and goes on.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(prefix = "platform.consumer", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler consumerErrors(KafkaProperties kafka, ConsumerProperties properties,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<String, String> deadLetterProducers = new DefaultKafkaProducerFactory<>(producer);
        deadLetterProducers.setPhysicalCloseTimeout(5);
        KafkaTemplate<String, String> deadLetters = new KafkaTemplate<>(deadLetterProducers);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(properties.retryMaxElapsed().toMillis());
        // Counted per source topic: the "dead letters arriving" alert and the Kafka dashboard read it.
        io.micrometer.core.instrument.MeterRegistry registry = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            recoverer.accept(record, e);
            registry.counter("platform.consumer.dead.letters", "topic", record.topic()).increment();
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEvent.class);
        return handler;
    }

    /** Lazy: only a service whose consumers deduplicate creates the collection and its indexes. */
    @Bean
    @Lazy
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, ConsumerProperties properties) {
        return new ProcessedEvents(mongo, properties.processedEventsRetention());
    }
}
