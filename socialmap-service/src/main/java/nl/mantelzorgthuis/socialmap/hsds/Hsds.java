package nl.mantelzorgthuis.socialmap.hsds;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import nl.mantelzorgthuis.socialmap.offer.domain.Location;
import nl.mantelzorgthuis.socialmap.offer.domain.OpeningHours;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;

/**
 * Social-map entries in the Open Referral HSDS 3.0 format (snake_case, nested objects with ids). Ids
 * of things the platform does not keep as records of their own (organizations, locations,
 * schedules, areas, ...) are name-based UUIDs, stable across calls and replicas. Dutch extensions
 * appear as HSDS allows: municipalities as service areas (name = CBS code, uri = TOOI identifier),
 * funding routes as funding sources, the taxonomy as attributes with taxonomy terms.
 */
final class Hsds {

    static final String TAXONOMY_ID = uuid("taxonomy", "mantelzorg-nl");

    private Hsds() {
    }

    /** HSDS writes statuses in lower case with spaces ("temporarily closed"). */
    static String status(nl.mantelzorgthuis.socialmap.offer.domain.OfferStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static nl.mantelzorgthuis.socialmap.offer.domain.OfferStatus status(String hsds) {
        return enumValue(nl.mantelzorgthuis.socialmap.offer.domain.OfferStatus.class, hsds.replace(' ', '_'), "status");
    }

    /** The TOOI identifier of a municipality, by its CBS code. */
    static String areaUri(String cbsCode) {
        return "https://identifier.overheid.nl/tooi/id/gemeente/" + cbsCode.toLowerCase(Locale.ROOT);
    }

    /** The cost option label: gratis or betaald. */
    static String costOption(nl.mantelzorgthuis.socialmap.offer.domain.Cost cost) {
        return cost == nl.mantelzorgthuis.socialmap.offer.domain.Cost.FREE ? "gratis" : "betaald";
    }

    static nl.mantelzorgthuis.socialmap.offer.domain.Cost cost(String option, boolean zeroAmount) {
        return "gratis".equalsIgnoreCase(option) || zeroAmount ? nl.mantelzorgthuis.socialmap.offer.domain.Cost.FREE
                : nl.mantelzorgthuis.socialmap.offer.domain.Cost.PAID;
    }

    /** RFC 5545 day abbreviations, as HSDS schedules use them in byday. */
    static String byday(java.time.DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    static java.time.DayOfWeek day(String byday) {
        String value = byday.trim().toUpperCase(Locale.ROOT);
        return java.util.Arrays.stream(java.time.DayOfWeek.values()).filter(d -> value.length() == 2 && d.name().startsWith(value))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("byday '" + byday + "' is not a day (MO, TU, WE, TH, FR, SA, SU)"));
    }

    static String uuid(String kind, String... parts) {
        return UUID.nameUUIDFromBytes((kind + ":" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String organizationId(String name) {
        return uuid("organization", name.trim().toLowerCase(Locale.ROOT));
    }

    static String termId(String code) {
        return uuid("taxonomy_term", code);
    }

    static Map<String, Object> organization(String name) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", organizationId(name));
        o.put("name", name);
        o.put("description", name);
        return o;
    }

    static Map<String, Object> taxonomy(Taxonomy.Definition definition) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", TAXONOMY_ID);
        t.put("name", definition.name());
        t.put("description", definition.description());
        t.put("version", definition.version());
        return t;
    }

    static Map<String, Object> term(Taxonomy.Term term, Taxonomy.Definition definition) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", termId(term.code()));
        t.put("code", term.code());
        t.put("name", term.name());
        t.put("description", term.description());
        if (term.parent() != null) {
            t.put("parent_id", termId(term.parent()));
        }
        t.put("taxonomy", definition.name());
        t.put("taxonomy_id", TAXONOMY_ID);
        t.put("language", "nl");
        t.put("taxonomy_detail", taxonomy(definition));
        return t;
    }

    static Map<String, Object> service(Offer e, Taxonomy taxonomy) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", e.id());
        s.put("organization_id", organizationId(e.organization()));
        // Extension: the key of the municipality's own system, when a municipality maintains the entry.
        put(s, "external_id", e.externalId());
        s.put("name", e.name());
        put(s, "alternate_name", e.alternateName());
        put(s, "description", e.description());
        put(s, "url", e.url());
        put(s, "email", e.email());
        s.put("status", status(e.status()));
        put(s, "fees_description", e.costDescription());
        put(s, "minimum_age", e.minimumAge());
        put(s, "maximum_age", e.maximumAge());
        if (e.lastVerifiedAt() != null) {
            s.put("assured_date", e.lastVerifiedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        s.put("last_modified", e.updatedAt().toString());
        List<Map<String, Object>> phones = new ArrayList<>();
        if (e.phone() != null) {
            phones.add(Map.of("id", uuid("phone", e.id()), "number", e.phone()));
        }
        s.put("phones", phones);
        s.put("schedules", e.schedules().stream().map(h -> schedule(e, h)).toList());
        s.put("service_areas", e.serviceAreas().stream().map(area -> Map.<String, Object>of("id", uuid("service_area", e.id(), area),
                "name", area, "description", "Gemeente met CBS-code " + area,
                "uri", areaUri(area))).toList());
        s.put("service_at_locations", e.locations().stream().map(l -> serviceAtLocation(e, l)).toList());
        s.put("languages", e.languages().stream().map(code -> Map.<String, Object>of("id", uuid("language", e.id(), code), "code", code))
                .toList());
        s.put("organization", organization(e.organization()));
        s.put("funding", e.fundingRoutes().stream().sorted().map(f -> Map.<String, Object>of("id", uuid("funding", e.id(), f.name()),
                "source", f.name())).toList());
        List<Map<String, Object>> costs = new ArrayList<>();
        if (e.cost() != null) {
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("id", uuid("cost_option", e.id()));
            cost.put("option", costOption(e.cost()));
            if (e.cost() == nl.mantelzorgthuis.socialmap.offer.domain.Cost.FREE) {
                cost.put("amount", 0);
                cost.put("currency", "EUR");
            }
            put(cost, "amount_description", e.costDescription());
            costs.add(cost);
        }
        s.put("cost_options", costs);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (String code : e.taxonomyTerms()) {
            taxonomy.terms().stream().filter(t -> t.code().equals(code)).findFirst().ifPresent(term -> {
                Map<String, Object> attribute = new LinkedHashMap<>();
                attribute.put("id", uuid("attribute", e.id(), code));
                attribute.put("link_id", e.id());
                attribute.put("link_type", "service");
                attribute.put("link_entity", "service");
                attribute.put("taxonomy_term_id", termId(code));
                attribute.put("taxonomy_term", term(term, taxonomy.definition()));
                attributes.add(attribute);
            });
        }
        s.put("attributes", attributes);
        // Optional values without content are left out, not sent empty (Open Referral UK's rule).
        s.values().removeIf(v -> v instanceof List<?> list && list.isEmpty());
        return s;
    }

    static Map<String, Object> serviceAtLocation(Offer e, Location l) {
        Map<String, Object> sal = new LinkedHashMap<>();
        sal.put("id", uuid("service_at_location", e.id(), String.valueOf(e.locations().indexOf(l))));
        sal.put("service_id", e.id());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", uuid("location", e.id(), String.valueOf(e.locations().indexOf(l))));
        location.put("location_type", "physical");
        put(location, "name", l.name());
        put(location, "latitude", l.latitude());
        put(location, "longitude", l.longitude());
        // Extension: the CBS code of the municipality the location lies in.
        put(location, "municipality", l.municipality());
        // HSDS requires street, city, province and postcode of an address: given only when all are known.
        if (l.address() != null && l.city() != null && l.postalCode() != null && l.province() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("id", uuid("address", e.id(), String.valueOf(e.locations().indexOf(l))));
            address.put("address_1", l.address());
            address.put("city", l.city());
            address.put("state_province", l.province());
            address.put("postal_code", l.postalCode());
            address.put("country", "NL");
            address.put("address_type", "physical");
            location.put("addresses", List.of(address));
        }
        sal.put("location", location);
        return sal;
    }

    private static Map<String, Object> schedule(Offer e, OpeningHours h) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", uuid("schedule", e.id(), h.day().name(), h.opensAt().toString()));
        s.put("service_id", e.id());
        s.put("freq", "WEEKLY");
        s.put("byday", byday(h.day()));
        s.put("opens_at", h.opensAt().toString());
        s.put("closes_at", h.closesAt().toString());
        s.put("timezone", 1);
        return s;
    }

    /**
     * What the platform keeps of a nested HSDS service, derived where the HSDS values carry it: a funding
     * source that is a Dutch funding route, a service area that is a CBS municipality (by name or TOOI
     * uri), weekly schedules with hours, terms of the platform's taxonomy. Anything else stays in the
     * HSDS records and never makes a valid service refused; only an organisation name is required,
     * because the social map knows by it who maintains an entry.
     */
    static nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails details(tools.jackson.databind.JsonNode s, Taxonomy taxonomy) {
        String organization = text(s.path("organization"), "name");
        if (text(s, "name") == null) {
            throw new IllegalArgumentException("needs a name");
        }
        if (organization == null) {
            throw new IllegalArgumentException(text(s, "organization_id") != null
                    ? "organization_id " + text(s, "organization_id") + " names no organization given (in organizations.csv or nested); "
                            + "the social map keeps who maintains each entry"
                    : "needs an organization (organization_id or a nested organization): the social map keeps who maintains each entry");
        }
        Map<String, String> codes = new java.util.HashMap<>();
        taxonomy.terms().forEach(t -> codes.put(termId(t.code()), t.code()));
        List<String> terms = new ArrayList<>();
        s.path("attributes").forEach(a -> {
            String code = codes.get(text(a, "taxonomy_term_id") != null ? text(a, "taxonomy_term_id") : text(a.path("taxonomy_term"), "id"));
            if (code != null && !terms.contains(code)) {
                terms.add(code);
            }
        });
        java.util.Set<nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute> funding = new java.util.HashSet<>();
        s.path("funding").forEach(f -> fundingRoute(text(f, "source")).ifPresent(funding::add));
        nl.mantelzorgthuis.socialmap.offer.domain.Cost cost = null;
        if (!s.path("cost_options").isEmpty()) {
            tools.jackson.databind.JsonNode c = s.path("cost_options").get(0);
            cost = cost(text(c, "option"), c.hasNonNull("amount") && c.get("amount").isNumber() && c.get("amount").asDouble() == 0);
        }
        List<Location> locations = new ArrayList<>();
        s.path("service_at_locations").forEach(sal -> {
            tools.jackson.databind.JsonNode l = sal.path("location");
            if (l.isMissingNode()) {
                return;
            }
            tools.jackson.databind.JsonNode a = mainAddress(l);
            Double latitude = l.hasNonNull("latitude") && l.get("latitude").isNumber() ? l.get("latitude").asDouble() : null;
            Double longitude = l.hasNonNull("longitude") && l.get("longitude").isNumber() ? l.get("longitude").asDouble() : null;
            // A point the map can place (HSDS does not bound the numbers; the standard's own example has latitude 100).
            if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                latitude = null;
                longitude = null;
            }
            locations.add(new Location(text(l, "name"), a == null ? null : text(a, "address_1"), a == null ? null : text(a, "postal_code"),
                    a == null ? null : text(a, "city"), municipality(text(l, "municipality")), a == null ? null : text(a, "state_province"),
                    latitude, longitude));
        });
        List<OpeningHours> hours = new ArrayList<>();
        s.path("schedules").forEach(h -> {
            String freq = text(h, "freq");
            if (text(h, "byday") == null || (freq != null && !"WEEKLY".equalsIgnoreCase(freq))) {
                return;
            }
            java.time.LocalTime opens = time(text(h, "opens_at"));
            java.time.LocalTime closes = time(text(h, "closes_at"));
            if (opens == null || closes == null || !closes.isAfter(opens)) {
                return;
            }
            for (String day : text(h, "byday").split(",")) {
                weekday(day).map(d -> new OpeningHours(d, opens, closes)).filter(o -> !hours.contains(o)).ifPresent(hours::add);
            }
        });
        List<String> areas = new ArrayList<>();
        s.path("service_areas").forEach(a -> {
            String code = municipality(text(a, "name"));
            if (code == null && text(a, "uri") != null && text(a, "uri").startsWith("https://identifier.overheid.nl/tooi/id/gemeente/")) {
                code = municipality(text(a, "uri").substring("https://identifier.overheid.nl/tooi/id/gemeente/".length()));
            }
            if (code != null && !areas.contains(code)) {
                areas.add(code);
            }
        });
        List<String> languages = new ArrayList<>();
        s.path("languages").forEach(l -> {
            if (text(l, "code") != null && !languages.contains(text(l, "code"))) {
                languages.add(text(l, "code"));
            }
        });
        String status = text(s, "status");
        return new nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails(organization, text(s, "external_id"), text(s, "name"),
                text(s, "alternate_name"), text(s, "description"), status == null ? null : status(status),
                text(s, "url"), text(s, "email"), s.path("phones").isEmpty() ? null : text(s.path("phones").get(0), "number"), terms, funding,
                cost, text(s, "fees_description"), languages, age(s.get("minimum_age")), age(s.get("maximum_age")), areas, locations, hours);
    }

    /** The address the platform keeps of a location: its first physical one, else its first. */
    static tools.jackson.databind.node.ObjectNode mainAddress(tools.jackson.databind.JsonNode location) {
        tools.jackson.databind.JsonNode first = null;
        for (tools.jackson.databind.JsonNode address : location.path("addresses")) {
            if ("physical".equals(text(address, "address_type"))) {
                return (tools.jackson.databind.node.ObjectNode) address;
            }
            first = first == null ? address : first;
        }
        return first instanceof tools.jackson.databind.node.ObjectNode o ? o : null;
    }

    /** A Dutch funding route when an HSDS funding source names one (WMO, Wlz, ...). */
    static java.util.Optional<nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute> fundingRoute(String source) {
        return java.util.Arrays.stream(nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute.values())
                .filter(f -> source != null && f.name().equalsIgnoreCase(source.trim())).findFirst();
    }

    /** The CBS code when a value is one (GM0193, gm0193). */
    static String municipality(String value) {
        return value != null && value.trim().matches("(?i)GM\\d{4}") ? value.trim().toUpperCase(Locale.ROOT) : null;
    }

    private static java.util.Optional<java.time.DayOfWeek> weekday(String byday) {
        try {
            return java.util.Optional.of(day(byday));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.time.LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(value.length() > 8 ? value.substring(0, 8) : value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer age(tools.jackson.databind.JsonNode value) {
        return value != null && value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0 ? value.asInt() : null;
    }

    private static String text(tools.jackson.databind.JsonNode node, String field) {
        tools.jackson.databind.JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
        for (E constant : type.getEnumConstants()) {
            if (value != null && constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException(what + " '" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The HSDS paging envelope; HSDS pages count from 1. */
    static Map<String, Object> page(List<?> contents, long total, int pageNumber, int size) {
        Map<String, Object> page = new LinkedHashMap<>();
        int pages = (int) ((total + size - 1) / size);
        page.put("total_items", total);
        page.put("total_pages", pages);
        page.put("page_number", pageNumber);
        page.put("size", contents.size());
        page.put("first_page", pageNumber == 1);
        page.put("last_page", pageNumber >= pages);
        page.put("empty", contents.isEmpty());
        page.put("contents", contents);
        return page;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
