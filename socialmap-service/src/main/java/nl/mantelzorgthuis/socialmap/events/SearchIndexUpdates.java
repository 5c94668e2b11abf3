package nl.mantelzorgthuis.socialmap.events;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.mantelzorgthuis.socialmap.search.OfferIndex;
import nl.mantelzorgthuis.socialmap.offer.OfferEvents;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this replica's search index current. At start the index is rebuilt from the service's own
 * data; from then on every replica reads the whole {@code socialmap-events} topic with a consumer
 * group of its own (so each replica sees every change, whichever replica made it). Events carry the
 * whole entry and its version, and the index ignores states older than what it has, so replaying the
 * topic from the beginning is harmless.
 */
@Component
class SearchIndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdates.class);

    private final OfferIndex index;
    private final JsonMapper json;
    private final Counter unreadable;

    SearchIndexUpdates(OfferIndex index, nl.mantelzorgthuis.socialmap.offer.Offers services, JsonMapper json, MeterRegistry meters) {
        this.index = index;
        this.json = json;
        this.unreadable = Counter.builder("socialmap.index.events.unreadable").description("Own events the index could not read")
                .register(meters);
        services.rebuildIndex();
    }

    @KafkaListener(topics = "${socialmap.events.topic:socialmap-events}",
            groupId = "socialmap-index-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=true"})
    void on(ConsumerRecord<String, String> record) {
        try {
            CloudEvent event = OutboxRelay.parse(record.value());
            if (event.getType().startsWith(OfferEvents.TYPE_PREFIX) && event.getData() != null) {
                index.apply(json.readValue(new String(event.getData().toBytes(), StandardCharsets.UTF_8), Offer.class));
            }
        } catch (RuntimeException e) {
            // Our own topic: an unreadable event is a bug to look into, never a reason to stop indexing.
            unreadable.increment();
            log.warn("Could not index event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }
}
