package nl.mantelzorgthuis.socialmap.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic        the Kafka topic this service owns for social-map events
 * @param pollInterval how often the relay looks for unpublished events when nothing woke it
 * @param sendTimeout  how long one publish may take before the relay gives up and retries later
 * @param batchSize    services handled per relay pass
 */
@ConfigurationProperties("socialmap.events")
public record OutboxProperties(
        @DefaultValue("socialmap-events") String topic,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("100") int batchSize) {
}
