package nl.mantelzorgthuis.socialmap.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.mantelzorgthuis.socialmap.offer.Offers;
import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import nl.mantelzorgthuis.socialmap.offer.domain.Caller;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The coordinators' import of HSDS JSON and tabular data packages: the filter chain refuses other
 * callers before a byte of the upload is read (OfferAccessRules), the package is read within
 * {@link UploadLimits}. Every record is checked against the standard's schema for its table; one that
 * fails is reported with its place and not loaded, the rest are. Each service becomes (or updates) a
 * social-map entry with what the platform derives from it ({@link Hsds#details}); its records are
 * kept whole beside the entry, so an export gives them back. {@link Offers#importEntries} applies the
 * domain's rule on who may import.
 */
@Service
class HsdsImport {

    private final Offers offers;
    private final Taxonomy taxonomy;
    private final UploadLimits limits;
    private final RecordStore store;
    private final Directory directory;
    private final nl.mantelzorgthuis.socialmap.offer.OfferLookup lookup;
    private final Clock clock;

    HsdsImport(Offers offers, Taxonomy taxonomy, UploadLimits limits, RecordStore store, Directory directory,
            nl.mantelzorgthuis.socialmap.offer.OfferLookup lookup, Clock clock) {
        this.offers = offers;
        this.directory = directory;
        this.lookup = lookup;
        this.taxonomy = taxonomy;
        this.limits = limits;
        this.store = store;
        this.clock = clock;
    }

    Offers.ImportResult json(Caller caller, JsonNode body) {
        if (!body.isArray()) {
            throw new Problem.BadRequest("Not a list of services", "Send a JSON array of HSDS service objects");
        }
        Records records = new Records();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            records.add("service", body.get(i), "services[" + i + "]", problems);
        }
        return load(caller, records, problems);
    }

    Offers.ImportResult dataPackage(Caller caller, byte[] zip) {
        DataPackage.Read read;
        try {
            read = DataPackage.read(new ByteArrayInputStream(zip), limits);
        } catch (BoundedZip.TooLarge e) {
            throw new Problem.ContentTooLarge("Data package too large", "The data package is refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Problem.BadRequest("Unreadable data package",
                    "The body is not a readable HSDS tabular data package (a zip of CSV files): " + e.getMessage());
        }
        List<String> problems = new ArrayList<>(read.problems());
        if (!read.hasServices()) {
            problems.addFirst("services.csv: missing; a data package needs at least its services");
        }
        return load(caller, read.records(), problems);
    }

    /** A schema error with the field it is about ("email: does not match the email pattern ..."). */
    private static String describe(com.networknt.schema.Error error) {
        String at = String.valueOf(error.getInstanceLocation()).replaceFirst("^\\$\\.?", "");
        return at.isEmpty() ? error.getMessage() : at + ": " + error.getMessage();
    }

    private Offers.ImportResult load(Caller caller, Records records, List<String> problems) {
        for (Records.Rec rec : List.copyOf(records.all())) {
            var errors = HsdsModel.get().table(rec.table).flatSchema().validate(rec.fields);
            if (!errors.isEmpty()) {
                problems.add(rec.where + " (" + rec.table + " " + rec.id + "): not loaded, not valid HSDS 3.0: "
                        + errors.stream().map(HsdsImport::describe).sorted().toList());
                records.remove(rec);
            }
        }
        Map<String, OfferDetails> services = new LinkedHashMap<>();
        Map<String, Collection<Records.Rec>> belonging = new LinkedHashMap<>();
        Set<Records.Rec> reached = new HashSet<>();
        for (Records.Rec service : records.of("service")) {
            Set<Records.Rec> subtree = records.reachable("service", service.id);
            reached.addAll(subtree);
            try {
                services.put(service.id, Hsds.details(records.render("service", service.id), taxonomy));
                belonging.put(service.id, subtree);
            } catch (IllegalArgumentException e) {
                problems.add(service.where + " (service " + service.id + "): " + e.getMessage());
            }
        }
        // What the export gave for each service before, to tell a change of its records alone from none at all.
        Map<String, Collection<Records.Rec>> before = new HashMap<>();
        List<nl.mantelzorgthuis.socialmap.offer.domain.Offer> known = services.keySet().stream().map(lookup::find)
                .flatMap(java.util.Optional::stream).toList();
        for (ObjectNode service : directory.services(known)) {
            String id = service.get("id").asString();
            Records was = new Records();
            was.add("service", service, id, new ArrayList<>());
            before.put(id, was.reachable("service", id));
        }
        Offers.ImportResult result = offers.importEntries(caller, services, problems);
        Map<String, Collection<Records.Rec>> kept = new LinkedHashMap<>();
        Set<String> changed = new HashSet<>();
        for (String id : result.accepted()) {
            kept.put(id, belonging.get(id));
            if (!before.containsKey(id) || !Records.sameContent(before.get(id), belonging.get(id))) {
                changed.add(id);
            }
        }
        List<Records.Rec> standalone = records.all().stream().filter(r -> !reached.contains(r)).toList();
        store.save(kept, standalone, clock.instant());
        return result.withRecordsChanged(changed);
    }
}
