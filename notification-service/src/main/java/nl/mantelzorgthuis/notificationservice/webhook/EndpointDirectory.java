package nl.mantelzorgthuis.notificationservice.webhook;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * All endpoints in memory, so fanning out an event costs no query: this replica's own changes are
 * seen at once, other replicas' within the refresh interval (2 s).
 */
@Component
class EndpointDirectory {

    private final EndpointStore store;
    private volatile Map<String, Endpoint> endpoints = Map.of();

    EndpointDirectory(EndpointStore store, MeterRegistry meters) {
        this.store = store;
        refresh();
        Gauge.builder("notification.endpoints.disabled", this, d -> d.all().stream().filter(e -> !e.active()).count())
                .description("Webhook endpoints and abonnementen that are disabled").register(meters);
        Gauge.builder("notification.endpoints", this, d -> d.all().size())
                .description("Webhook endpoints and abonnementen").register(meters);
    }

    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    void refresh() {
        Map<String, Endpoint> fresh = new ConcurrentHashMap<>();
        store.all().forEach(e -> fresh.put(e.id(), e));
        endpoints = fresh;
    }

    Collection<Endpoint> all() {
        return endpoints.values();
    }

    Endpoint get(String id) {
        return endpoints.get(id);
    }

    void changed(Endpoint endpoint) {
        Map<String, Endpoint> copy = new ConcurrentHashMap<>(endpoints);
        copy.put(endpoint.id(), endpoint);
        endpoints = copy;
    }

    void removed(String id) {
        Map<String, Endpoint> copy = new ConcurrentHashMap<>(endpoints);
        copy.remove(id);
        endpoints = copy;
    }
}
