package nl.mantelzorgthuis.starter.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transactional outbox of a service that publishes events ({@code platform.outbox.*}).
 *
 * @param enabled      false switches the relay off (the service then publishes nothing)
 * @param topic        the Kafka topic the service owns; the aggregate id (document {@code _id}) is the key
 * @param collections  the collections whose documents carry waiting events; the relay is off while empty
 * @param pollInterval how often the relay looks for waiting events when no write woke it
 * @param sendTimeout  how long one publish may take before the relay gives up and retries later
 * @param batchSize    documents handled per collection and pass
 * @param maxEventBytes a larger event is parked, not sent (below Kafka's default 1 MB message limit)
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        String topic,
        @DefaultValue List<String> collections,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("100") int batchSize,
        @DefaultValue("900000") int maxEventBytes) {
}
