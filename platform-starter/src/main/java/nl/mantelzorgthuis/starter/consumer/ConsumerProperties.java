package nl.mantelzorgthuis.starter.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service's Kafka consumers fail and deduplicate ({@code platform.consumer.*}).
 *
 * @param deadLetterSuffix          appended to a consumed topic's name for this service's dead letters
 *                                  (default {@code .<spring.application.name>.dlt}, set in the shared defaults)
 * @param retryInitialInterval      first wait before a failed event is tried again
 * @param retryMaxInterval          longest wait between tries
 * @param retryMaxElapsed           after this long an event that keeps failing is dead-lettered
 * @param processedEventsRetention  how long a handled event id is remembered (a TTL index; longer than
 *                                  the topics' retention, so a redelivery is always recognised)
 */
@ConfigurationProperties("platform.consumer")
public record ConsumerProperties(
        @DefaultValue(".dlt") String deadLetterSuffix,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("10s") Duration retryMaxInterval,
        @DefaultValue("2m") Duration retryMaxElapsed,
        @DefaultValue("30d") Duration processedEventsRetention) {
}
