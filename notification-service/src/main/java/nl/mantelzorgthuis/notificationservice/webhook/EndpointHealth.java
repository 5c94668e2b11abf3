package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Clock;
import java.time.Instant;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tracks since when an endpoint has been failing (first failure after its last success) and disables
 * it when that lasts longer than configured (default 5 days), or at once when it answers 410 Gone.
 * Its owner is told either way.
 */
@Component
class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

    private final EndpointStore store;
    private final EndpointDirectory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NotificationProperties.Webhooks settings;

    EndpointHealth(EndpointStore store, EndpointDirectory directory, Clock clock, ApplicationEventPublisher events,
            NotificationProperties properties) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
        this.settings = properties.webhooks();
    }

    void succeeded(Endpoint endpoint) {
        Endpoint known = directory.get(endpoint.id());
        if (known != null && known.failingSince() != null) {
            store.recovered(endpoint.id());
            directory.changed(known.withFailingSince(null));
        }
    }

    void failed(Endpoint endpoint) {
        Endpoint known = directory.get(endpoint.id());
        if (known != null && known.failingSince() == null) {
            Instant now = clock.instant();
            store.failing(endpoint.id(), now);
            directory.changed(known.withFailingSince(now));
        }
    }

    void gone(Endpoint endpoint) {
        disable(endpoint, "The receiver answered 410 Gone");
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void disableLongFailing() {
        Instant limit = clock.instant().minus(settings.disableAfter());
        directory.all().stream().filter(Endpoint::active)
                .filter(e -> e.failingSince() != null && e.failingSince().isBefore(limit))
                .forEach(e -> disable(e, "Every delivery failed since " + e.failingSince()));
    }

    private void disable(Endpoint endpoint, String reason) {
        Instant now = clock.instant();
        if (store.disable(endpoint.id(), reason, now)) {
            log.warn("Disabled endpoint {} of {}: {}", endpoint.id(), endpoint.owner(), reason);
            Endpoint stored = store.find(endpoint.id());
            if (stored != null) {
                directory.changed(stored);
            }
            events.publishEvent(new EndpointDisabled(endpoint.id(), endpoint.name(), endpoint.owner(), reason, now));
        }
    }
}
