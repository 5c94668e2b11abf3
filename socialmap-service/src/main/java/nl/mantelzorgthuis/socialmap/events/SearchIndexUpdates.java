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
 * Keeps this replica's search index current. Once the application has started the index is rebuilt
 * from the service's own data (readiness waits for it); every replica reads {@code socialmap-events}
 * with a consumer group of its own, named after the replica ({@code socialmap.index.replica}: the
 * pod's or container's host name), so each replica sees every change, whichever replica made it, a
 * restart resumes where it stopped instead of replaying the topic, and no group is left behind per
 * start. Events carry the whole entry and its version, and the index ignores states older than what
 * it has, so a replay is harmless.
 */
@Component
class SearchIndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdates.class);

    private final OfferIndex index;
    private final JsonMapper json;
    private final Counter unreadable;

    private final nl.mantelzorgthuis.socialmap.offer.Offers services;

    SearchIndexUpdates(OfferIndex index, nl.mantelzorgthuis.socialmap.offer.Offers services, JsonMapper json, MeterRegistry meters) {
        this.index = index;
        this.services = services;
        this.json = json;
        this.unreadable = Counter.builder("socialmap.index.events.unreadable").description("Own events the index could not read")
                .register(meters);
    }

    /** After start, not in a constructor: the context is complete, and readiness flips only after this. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void rebuildAtStart() {
        services.rebuildIndex();
    }

    @KafkaListener(topics = "${socialmap.events.topic:socialmap-events}",
            groupId = "socialmap-index-${socialmap.index.replica:${HOSTNAME:local}}",
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
