package nl.mantelzorgthuis.notificationservice.webhook.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.mantelzorgthuis.notificationservice.notice.domain.Change;

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
        Map<String, String> kenmerken = new LinkedHashMap<>();
        kenmerken.put("type", change.type());
        if (!change.municipalities().isEmpty()) {
            kenmerken.put("gemeente", String.join(" ", new TreeSet<>(change.municipalities())));
        }
        if (change.status() != null) {
            kenmerken.put("status", change.status());
        }
        String item = platformUrl + "/api/v1/";
        return switch (change.kind()) {
            case "practice" -> new Notificatie(PRAKTIJKEN, item + "practices/" + change.itemId(), "praktijk",
                    item + "practices/" + change.itemId(), actie(change.action()), change.time(), kenmerken);
            case "experiment" -> {
                if (change.practiceId() != null) {
                    kenmerken.put("praktijk", change.practiceId());
                }
                yield new Notificatie(EXPERIMENTEN, item + "practices/" + change.practiceId(), "experiment",
                        item + "experiments/" + change.itemId(), actie(change.action()), change.time(), kenmerken);
            }
            case "service" -> {
                if (change.organisation() != null) {
                    kenmerken.put("organisatie", change.organisation());
                }
                String url = item + "socialmap/services/" + change.itemId();
                yield new Notificatie(SOCIALE_KAART, url, "dienst", url, actie(change.action()), change.time(), kenmerken);
            }
            case "respite-route" -> {
                String url = item + "socialmap/municipalities/" + change.itemId() + "/respite-route";
                yield new Notificatie(SOCIALE_KAART, url, "respijtroute", url, actie(change.action()), change.time(), kenmerken);
            }
            default -> new Notificatie(change.kind(), item + change.kind() + "/" + change.itemId(), change.kind(),
                    item + change.kind() + "/" + change.itemId(), actie(change.action()), change.time(), kenmerken);
        };
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
