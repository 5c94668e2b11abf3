package nl.mantelzorgthuis.experimentservice.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadLetterSuffix     appended to a consumed topic's name for its dead letters of this service
 * @param retryInitialInterval first wait before a failed event is tried again
 * @param retryMaxInterval     longest wait between tries
 * @param retryMaxElapsed      after this long an event that keeps failing is dead-lettered
 */
@ConfigurationProperties("experiment.consumer")
public record ConsumerProperties(
        @DefaultValue(".experiment-service.dlt") String deadLetterSuffix,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("10s") Duration retryMaxInterval,
        @DefaultValue("2m") Duration retryMaxElapsed) {
}
