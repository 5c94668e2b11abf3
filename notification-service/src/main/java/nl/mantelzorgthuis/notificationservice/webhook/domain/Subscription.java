package nl.mantelzorgthuis.notificationservice.webhook.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.notice.domain.Change;

/**
 * What an endpoint wants to receive. A webhook names event types (a type, or a prefix ending in
 * {@code *}; none means all) and may narrow to municipalities, practices or organisations. A ZGW
 * abonnement names kanalen with kenmerk filters instead (see {@link Kanalen}).
 */
public record Subscription(Set<String> eventTypes, Set<String> municipalities, Set<String> practices,
        Set<String> organisations, List<KanaalFilter> kanalen) {

    public record KanaalFilter(String naam, Map<String, String> filters) {
        public KanaalFilter {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
        }
    }

    public Subscription {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        municipalities = municipalities == null ? Set.of() : Set.copyOf(municipalities);
        practices = practices == null ? Set.of() : Set.copyOf(practices);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        kanalen = kanalen == null ? List.of() : List.copyOf(kanalen);
    }

    /** A notificatie published into the platform by another system: only abonnementen on its kanaal, by their filters. */
    public boolean matchesNotificatie(String kanaal, Map<String, String> kenmerken) {
        return kanalen.stream().anyMatch(k -> k.naam().equals(kanaal) && Kanalen.matches(k.filters(), kenmerken));
    }

    public boolean matches(Change change) {
        if (!kanalen.isEmpty()) {
            String kanaal = Kanalen.kanaal(change);
            Map<String, String> kenmerken = Kanalen.kenmerken(change);
            return kanalen.stream().anyMatch(k -> k.naam().equals(kanaal) && Kanalen.matches(k.filters(), kenmerken));
        }
        boolean type = eventTypes.isEmpty() || eventTypes.stream().anyMatch(t -> t.endsWith("*")
                ? change.type().startsWith(t.substring(0, t.length() - 1)) : t.equals(change.type()));
        boolean municipality = municipalities.isEmpty() || change.municipalities().stream().anyMatch(municipalities::contains);
        boolean practice = practices.isEmpty() || practices.contains(change.practiceId())
                || ("practice".equals(change.kind()) && practices.contains(change.itemId()));
        boolean organisation = organisations.isEmpty() || change.organisations().stream()
                .anyMatch(o -> organisations.stream().anyMatch(o::equalsIgnoreCase));
        return type && municipality && practice && organisation;
    }
}
