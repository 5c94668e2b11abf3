package nl.mantelzorgthuis.notificationservice.webhook.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.mantelzorgthuis.notificationservice.notice.domain.Change;
import nl.mantelzorgthuis.notificationservice.notice.domain.Links;

/**
 * The platform's changes in the shape of the VNG Notificaties API (ZGW): one kanaal per source
 * domain, a {@code notificatie} per change with hoofdObject, resource, resourceUrl, actie and
 * kenmerken. Kenmerken are single strings as the standard has them; several municipalities are
 * joined with spaces, and a filter on {@code gemeente} matches any one of them.
 */
public final class Kanalen {

    public static final String PRAKTIJKEN = "praktijken";
    public static final String EXPERIMENTEN = "experimenten";
    public static final String SOCIALE_KAART = "sociale-kaart";

    /** kanaal name and the kenmerken it can be filtered on. */
    public static final Map<String, List<String>> BUILT_IN = Map.of(
            PRAKTIJKEN, List.of("type", "gemeente", "status"),
            EXPERIMENTEN, List.of("type", "praktijk", "gemeente", "status"),
            SOCIALE_KAART, List.of("type", "gemeente", "organisatie"));

    private Kanalen() {
    }

    public record Notificatie(String kanaal, String hoofdObject, String resource, String resourceUrl, String actie,
            Instant aanmaakdatum, Map<String, String> kenmerken) {
    }

    public static Notificatie notificatie(Change change, String platformUrl) {
        String resourceUrl = Links.of(platformUrl, change);
        if (resourceUrl == null) {
            resourceUrl = platformUrl + "/api/v1/" + change.kind() + "/" + change.itemId();
        }
        String hoofdObject = "experiment".equals(change.kind()) ? Links.practice(platformUrl, change.practiceId()) : resourceUrl;
        return new Notificatie(kanaal(change), hoofdObject, resource(change), resourceUrl, actie(change.action()), change.time(),
                kenmerken(change));
    }

    /** The kanaal a change is published on: one per source domain. */
    public static String kanaal(Change change) {
        return switch (change.kind()) {
            case "practice" -> PRAKTIJKEN;
            case "experiment" -> EXPERIMENTEN;
            case "service", "respite-route" -> SOCIALE_KAART;
            default -> change.kind();
        };
    }

    private static String resource(Change change) {
        return switch (change.kind()) {
            case "practice" -> "praktijk";
            case "service" -> "dienst";
            case "respite-route" -> "respijtroute";
            default -> change.kind();
        };
    }

    public static Map<String, String> kenmerken(Change change) {
        Map<String, String> kenmerken = new LinkedHashMap<>();
        kenmerken.put("type", change.type());
        if (!change.municipalities().isEmpty()) {
            kenmerken.put("gemeente", String.join(" ", new TreeSet<>(change.municipalities())));
        }
        if (change.status() != null) {
            kenmerken.put("status", change.status());
        }
        if ("experiment".equals(change.kind()) && change.practiceId() != null) {
            kenmerken.put("praktijk", change.practiceId());
        }
        if ("service".equals(change.kind()) && change.organisation() != null) {
            kenmerken.put("organisatie", change.organisation());
        }
        return kenmerken;
    }

    /** ZGW's own words where they exist (create, update); our other actions keep their name. */
    static String actie(String action) {
        return switch (action) {
            case "created" -> "create";
            case "updated", "changed" -> "update";
            default -> action.replace('-', '_');
        };
    }

    /** A filter value {@code *} matches any value; {@code gemeente} matches one of several. */
    public static boolean matches(Map<String, String> filters, Map<String, String> kenmerken) {
        return filters.entrySet().stream().allMatch(f -> {
            if ("*".equals(f.getValue())) {
                return true;
            }
            String value = kenmerken.get(f.getKey());
            if (value == null) {
                return false;
            }
            return value.equals(f.getValue()) || ("gemeente".equals(f.getKey()) && List.of(value.split(" ")).contains(f.getValue()));
        });
    }
}
