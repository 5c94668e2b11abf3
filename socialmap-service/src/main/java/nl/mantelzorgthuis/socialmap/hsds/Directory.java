package nl.mantelzorgthuis.socialmap.hsds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import nl.mantelzorgthuis.socialmap.offer.Offers;
import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import nl.mantelzorgthuis.socialmap.offer.domain.Location;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.socialmap.search.OfferIndex;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The social map in HSDS 3.0: each entry's imported records, exactly as they came, where the entry
 * has not changed since; where staff changed it in the platform, the records with just the changed
 * parts written from the entry (a new phone number replaces the phones, the accessibility stays);
 * entries that never came from HSDS written from the entry alone. The whole directory (every table)
 * is built when an export or a lookup by a record's id needs it, and kept until an entry or an import
 * changes it.
 */
@Component
class Directory {

    private record Built(long records, long index, Records graph) {
    }

    private final RecordStore store;
    private final OfferIndex index;
    private final Offers entries;
    private final Taxonomy taxonomy;
    private final JsonMapper json;
    private volatile Built built;

    Directory(RecordStore store, OfferIndex index, Offers entries, Taxonomy taxonomy, JsonMapper json) {
        this.store = store;
        this.index = index;
        this.entries = entries;
        this.taxonomy = taxonomy;
        this.json = json;
    }

    /** The nested HSDS service of an entry. */
    ObjectNode service(Offer offer) {
        return service(offer, store.snapshot());
    }

    /** The nested HSDS services of entries, read against one snapshot of the records (one store read, not one per entry). */
    List<ObjectNode> services(List<Offer> offers) {
        RecordStore.Snapshot snapshot = store.snapshot();
        return offers.stream().map(o -> service(o, snapshot)).toList();
    }

    private ObjectNode service(Offer offer, RecordStore.Snapshot snapshot) {
        ObjectNode written = json.valueToTree(Hsds.service(offer, taxonomy));
        RecordStore.Imported imported = snapshot.services().get(offer.id());
        ObjectNode given = imported == null ? null : imported.records().render("service", offer.id());
        if (given == null) {
            return written;
        }
        if (!offer.updatedAt().isAfter(imported.importedAt())) {
            return given;
        }
        OfferDetails was;
        try {
            was = Hsds.details(given, taxonomy);
        } catch (IllegalArgumentException e) {
            return written;
        }
        return changed(given, written, was, offer.details());
    }

    /** The imported service with what the entry changed since written over it, part by part. */
    private static ObjectNode changed(ObjectNode given, ObjectNode written, OfferDetails was, OfferDetails now) {
        part(given, written, was, now, OfferDetails::organization, "organization", "organization_id");
        part(given, written, was, now, OfferDetails::externalId, "external_id");
        part(given, written, was, now, OfferDetails::name, "name");
        part(given, written, was, now, OfferDetails::alternateName, "alternate_name");
        part(given, written, was, now, OfferDetails::description, "description");
        part(given, written, was, now, OfferDetails::status, "status");
        part(given, written, was, now, OfferDetails::url, "url");
        part(given, written, was, now, OfferDetails::email, "email");
        part(given, written, was, now, OfferDetails::phone, "phones");
        part(given, written, was, now, OfferDetails::taxonomyTerms, "attributes");
        part(given, written, was, now, OfferDetails::fundingRoutes, "funding");
        part(given, written, was, now, d -> List.of(String.valueOf(d.cost()), String.valueOf(d.costDescription())), "cost_options");
        part(given, written, was, now, OfferDetails::costDescription, "fees_description");
        part(given, written, was, now, OfferDetails::languages, "languages");
        part(given, written, was, now, OfferDetails::minimumAge, "minimum_age");
        part(given, written, was, now, OfferDetails::maximumAge, "maximum_age");
        part(given, written, was, now, OfferDetails::serviceAreas, "service_areas");
        locations(given, written, was, now);
        part(given, written, was, now, OfferDetails::schedules, "schedules");
        // The entry changed or was confirmed after the import: its dates are the platform's.
        copy(given, written, "assured_date");
        copy(given, written, "last_modified");
        return given;
    }

    /**
     * Changed locations are changed in place when there are as many as before (a corrected postcode
     * keeps the location's id, accessibility and contacts); otherwise they are written anew.
     */
    private static void locations(ObjectNode given, ObjectNode written, OfferDetails was, OfferDetails now) {
        if (Objects.equals(was.locations(), now.locations())) {
            return;
        }
        JsonNode sals = given.path("service_at_locations");
        boolean inPlace = sals.isArray() && sals.size() == now.locations().size() && was.locations().size() == now.locations().size();
        for (int i = 0; inPlace && i < sals.size(); i++) {
            inPlace = sals.get(i).path("location").isObject();
        }
        if (!inPlace) {
            copy(given, written, "service_at_locations");
            return;
        }
        for (int i = 0; i < sals.size(); i++) {
            Location before = was.locations().get(i);
            Location after = now.locations().get(i);
            ObjectNode location = (ObjectNode) sals.get(i).get("location");
            set(location, "name", before.name(), after.name());
            set(location, "latitude", before.latitude(), after.latitude());
            set(location, "longitude", before.longitude(), after.longitude());
            set(location, "municipality", before.municipality(), after.municipality());
            boolean addressChanged = !Objects.equals(before.address(), after.address()) || !Objects.equals(before.postalCode(), after.postalCode())
                    || !Objects.equals(before.city(), after.city()) || !Objects.equals(before.province(), after.province());
            if (!addressChanged) {
                continue;
            }
            ObjectNode address = Hsds.mainAddress(location);
            if (address == null) {
                JsonNode fresh = written.path("service_at_locations").path(i).path("location").path("addresses");
                location.set("addresses", fresh.isArray() ? fresh.deepCopy() : location.arrayNode());
                continue;
            }
            set(address, "address_1", before.address(), after.address());
            set(address, "postal_code", before.postalCode(), after.postalCode());
            set(address, "city", before.city(), after.city());
            set(address, "state_province", before.province(), after.province());
        }
    }

    private static void set(ObjectNode node, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            node.remove(field);
        } else if (after instanceof Double d) {
            node.put(field, d);
        } else {
            node.put(field, after.toString());
        }
    }

    private static void part(ObjectNode given, ObjectNode written, OfferDetails was, OfferDetails now, Function<OfferDetails, Object> aspect,
            String... properties) {
        if (!Objects.equals(aspect.apply(was), aspect.apply(now))) {
            for (String property : properties) {
                copy(given, written, property);
            }
        }
    }

    private static void copy(ObjectNode given, ObjectNode written, String property) {
        JsonNode value = written.get(property);
        if (value == null) {
            given.remove(property);
        } else {
            given.set(property, value.deepCopy());
        }
    }

    /** Every record of every table: the entries as services, the records no service reaches, both taxonomies. */
    Records graph() {
        RecordStore.Snapshot snapshot = store.snapshot();
        long at = index.generation();
        Built current = built;
        if (current != null && current.records() == snapshot.generation() && current.index() == at) {
            return current.graph();
        }
        Records graph = new Records();
        List<String> ignored = new ArrayList<>();
        for (Offer offer : entries.all()) {
            graph.add("service", service(offer, snapshot), "service " + offer.id(), ignored);
        }
        // The platform's own taxonomy as it is now, before any copy of it an import brought.
        graph.add("taxonomy", json.valueToTree(Hsds.taxonomy(taxonomy.definition())), "taxonomy", ignored);
        taxonomy.terms().forEach(t -> graph.add("taxonomy_term", json.valueToTree(Hsds.term(t, taxonomy.definition())), "term", ignored));
        snapshot.standalone().all().forEach(r -> {
            if (graph.get(r.table, r.id) == null) {
                graph.put(r.copy());
            }
        });
        built = new Built(snapshot.generation(), at, graph);
        return graph;
    }

    /** The records of a table in the nested form, in the order the directory has them. */
    List<ObjectNode> list(String table) {
        Records graph = graph();
        return graph.of(table).stream().map(r -> graph.render(table, r.id)).toList();
    }

    /** The records of a table in the nested form, ordered by name. */
    List<ObjectNode> listByName(String table) {
        return list(table).stream()
                .sorted(Comparator.comparing((ObjectNode n) -> n.path("name").asString("").toLowerCase(java.util.Locale.ROOT))).toList();
    }

    ObjectNode one(String table, String id) {
        return graph().render(table, id);
    }

    /** The nested form of every entry, for the JSON export. */
    List<ObjectNode> services() {
        return services(entries.all());
    }
}
