package nl.mantelzorgthuis.starter.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mongo        the store's indicator ({@code mongo}) with ping
 * @param kafka        the broker's indicator ({@code kafka}), where the service uses Kafka
 * @param kafkaTimeout how long the broker check may take
 * @param kafkaCheckInterval how often the broker is checked for the {@code kafka_reachable} gauge
 */
@ConfigurationProperties("platform.health")
public record HealthProperties(
        @DefaultValue("true") boolean mongo,
        @DefaultValue("true") boolean kafka,
        @DefaultValue("3s") Duration kafkaTimeout,
        @DefaultValue("15s") Duration kafkaCheckInterval) {
}
