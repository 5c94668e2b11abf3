package nl.mantelzorgthuis.notificationservice.events;

import nl.mantelzorgthuis.starter.consumer.MalformedEvent;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes the platform's topics (configurable) in batches. Order per key is kept: a partition's
 * records are applied in order. A record that cannot be read fails the batch at its index, so
 * spring-kafka commits what came before, sends that one record to the dead-letter topic with the
 * reason, and carries on with the rest (see {@link ConsumerConfiguration}).
 */
@Component
class DomainEventsListener {

    private final ChangeReader reader;
    private final Fanout fanout;
    private final Counter consumed;

    DomainEventsListener(ChangeReader reader, Fanout fanout, MeterRegistry meters) {
        this.reader = reader;
        this.fanout = fanout;
        this.consumed = Counter.builder("notification.events.consumed").description("Domain events consumed").register(meters);
    }

    @KafkaListener(topics = "#{'${notification.topics:practice-events,experiment-events,socialmap-events}'.split(',')}",
            groupId = "${notification.consumer.group:notification-service}",
            concurrency = "${notification.consumer.concurrency:1}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<Fanout.Received> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                batch.add(new Fanout.Received(reader.read(record.value()), record.value()));
            } catch (MalformedEvent e) {
                // Apply what came before it, then let the error handler dead-letter this one and go on.
                fanout.apply(batch);
                consumed.increment(batch.size());
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        fanout.apply(batch);
        consumed.increment(batch.size());
    }
}
