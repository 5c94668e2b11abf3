package nl.mantelzorgthuis.notificationservice.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The delivery metrics every channel (inbox, e-mail, webhook, ZGW notificatie) reports the same way:
 * {@code notification_deliveries_total{channel,outcome}} and the latency from the event's time to
 * its delivery, {@code notification_delivery_latency_seconds{channel}}.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry meters;
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void counted(String channel, String outcome, long deliveries) {
        meters.counter("notification.deliveries", "channel", channel, "outcome", outcome).increment(deliveries);
    }

    public void delivered(String channel, Instant eventTime, Instant deliveredAt) {
        latency.computeIfAbsent(channel, c -> Timer.builder("notification.delivery.latency")
                .description("From the event's time to its delivery").tag("channel", c).publishPercentileHistogram()
                .register(meters)).record(Duration.between(eventTime, deliveredAt));
    }
}
