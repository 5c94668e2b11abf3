package nl.mantelzorgthuis.notificationservice.events;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;

/**
 * How consumed events fail. A malformed event goes straight to the consumer's dead-letter topic
 * (with spring-kafka's exception headers naming the reason) and the partition moves on. Anything
 * else (store down) is retried with backoff for about two minutes before it is dead-lettered too,
 * so one bad event cannot block a partition for ever.
 */
@Configuration
class ConsumerConfiguration {

    @Bean
    CommonErrorHandler consumerErrors(KafkaProperties kafka, NotificationProperties settings) {
        NotificationProperties.Consumer properties = settings.consumer();
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        KafkaTemplate<String, String> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(properties.retryMaxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // A batch that fails at a record index: commit before it, recover (dead-letter) it, go on.
        handler.addNotRetryableExceptions(MalformedEvent.class);
        return handler;
    }
}
