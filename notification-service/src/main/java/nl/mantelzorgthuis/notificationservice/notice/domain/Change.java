package nl.mantelzorgthuis.notificationservice.notice.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One change in the platform as this service understands it, read from a CloudEvent of another
 * service: what it is about (item, practice, municipalities, organisations, social-map terms) and
 * what happened (the event type). Everything people and systems follow is derived from it.
 *
 * @param kind   what the item is: practice, experiment, service (social map), respite-route, or the
 *               type's own domain for event types this service has no words for yet
 * @param action what happened, from the event type: created, updated, status-changed, ...
 */
public record Change(String eventId, String type, String kind, String action, String itemId, String itemName,
        String practiceId, String practiceName, String status, String organisation, Set<String> municipalities,
        Set<String> organisations, Set<String> terms, Instant time, long version) {

    private static final String PREFIX = "nl.mantelzorgthuis.";

    public Change {
        municipalities = Set.copyOf(municipalities == null ? Set.of() : municipalities);
        organisations = Set.copyOf(organisations == null ? Set.of() : organisations);
        terms = Set.copyOf(terms == null ? Set.of() : terms);
    }

    /** kind and action of a platform event type: nl.mantelzorgthuis.socialmap.service.created.v1 gives (service, created). */
    public static String[] kindAndAction(String type) {
        String name = type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
        name = name.replaceFirst("\\.v[0-9]+$", "");
        String[] parts = name.split("\\.");
        if (parts.length < 2) {
            return new String[] {"item", name};
        }
        return new String[] {parts[parts.length - 2], parts[parts.length - 1]};
    }

    /**
     * The keys this change is filed under: a person or system following any of them hears of it.
     * Organisation names and terms are compared without case.
     */
    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(FollowKind.EVENT_TYPE.key(type));
        if (itemId != null) {
            keys.add(switch (kind) {
                case "practice" -> FollowKind.PRACTICE.key(itemId);
                case "experiment" -> FollowKind.EXPERIMENT.key(itemId);
                default -> "item:" + kind + ":" + itemId;
            });
        }
        if (practiceId != null) {
            keys.add(FollowKind.PRACTICE.key(practiceId));
        }
        municipalities.forEach(m -> keys.add(FollowKind.MUNICIPALITY.key(m)));
        organisations.forEach(o -> keys.add(FollowKind.ORGANISATION.key(o)));
        terms.forEach(t -> keys.add(FollowKind.TAXONOMY_TERM.key(t)));
        return List.copyOf(keys);
    }

    static String normal(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
