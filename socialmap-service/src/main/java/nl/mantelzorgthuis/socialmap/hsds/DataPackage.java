package nl.mantelzorgthuis.socialmap.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import nl.mantelzorgthuis.socialmap.offer.domain.Cost;
import nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute;
import nl.mantelzorgthuis.socialmap.offer.domain.Location;
import nl.mantelzorgthuis.socialmap.offer.domain.OpeningHours;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 tabular data package (a zip of CSV files with a datapackage.json describing them):
 * written from social-map entries, and read back into entries. Reading checks every row and reports
 * each invalid one with its file, row number and reason, so the valid rows can still be loaded.
 * Dutch extensions are extra columns: {@code locations.csv} has {@code municipality} (CBS code),
 * {@code services.csv} has {@code external_id} (the key of a municipality's own system).
 */
final class DataPackage {

    /** One entry read from a package: its HSDS service id and what it says, or why a row was refused. */
    record Read(Map<String, OfferDetails> services, List<String> errors) {
    }

    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("organizations", new String[] {"id", "name", "description"});
        TABLES.put("services", new String[] {"id", "organization_id", "name", "alternate_name", "description", "url", "email", "status",
                "fees_description", "minimum_age", "maximum_age", "assured_date", "last_modified", "external_id"});
        TABLES.put("phones", new String[] {"id", "service_id", "number"});
        TABLES.put("locations", new String[] {"id", "location_type", "name", "latitude", "longitude", "municipality"});
        TABLES.put("service_at_locations", new String[] {"id", "service_id", "location_id"});
        TABLES.put("addresses", new String[] {"id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                "address_type"});
        TABLES.put("schedules", new String[] {"id", "service_id", "freq", "byday", "opens_at", "closes_at"});
        TABLES.put("service_areas", new String[] {"id", "service_id", "name", "description", "uri"});
        TABLES.put("languages", new String[] {"id", "service_id", "code"});
        TABLES.put("funding", new String[] {"id", "service_id", "source"});
        TABLES.put("cost_options", new String[] {"id", "service_id", "option", "amount", "currency"});
        TABLES.put("attributes", new String[] {"id", "link_id", "link_type", "link_entity", "taxonomy_term_id"});
        TABLES.put("taxonomies", new String[] {"id", "name", "description", "version"});
        TABLES.put("taxonomy_terms", new String[] {"id", "code", "name", "description", "parent_id", "taxonomy_id"});
    }

    private DataPackage() {
    }

    static byte[] write(List<Offer> entries, Taxonomy taxonomy, JsonMapper json) {
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        TABLES.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
        Map<String, String> organizations = new LinkedHashMap<>();
        for (Offer e : entries) {
            organizations.putIfAbsent(Hsds.organizationId(e.organization()), e.organization());
            rows.get("services").add(List.of(e.id(), Hsds.organizationId(e.organization()), e.name(), v(e.alternateName()),
                    v(e.description()), v(e.url()), v(e.email()), Hsds.status(e.status()),
                    v(e.costDescription()), v(e.minimumAge()), v(e.maximumAge()),
                    e.lastVerifiedAt() == null ? "" : e.lastVerifiedAt().toString().substring(0, 10), e.updatedAt().toString(),
                    v(e.externalId())));
            if (e.phone() != null) {
                rows.get("phones").add(List.of(Hsds.uuid("phone", e.id()), e.id(), e.phone()));
            }
            for (int i = 0; i < e.locations().size(); i++) {
                Location l = e.locations().get(i);
                String locationId = Hsds.uuid("location", e.id(), String.valueOf(i));
                rows.get("locations").add(List.of(locationId, "physical", v(l.name()), v(l.latitude()), v(l.longitude()), v(l.municipality())));
                rows.get("service_at_locations").add(List.of(Hsds.uuid("service_at_location", e.id(), String.valueOf(i)), e.id(), locationId));
                if (l.address() != null || l.city() != null || l.postalCode() != null) {
                    rows.get("addresses").add(List.of(Hsds.uuid("address", e.id(), String.valueOf(i)), locationId, v(l.address()),
                            v(l.city()), v(l.province()), v(l.postalCode()), "NL", "physical"));
                }
            }
            for (OpeningHours h : e.schedules()) {
                rows.get("schedules").add(List.of(Hsds.uuid("schedule", e.id(), h.day().name(), h.opensAt().toString()), e.id(), "WEEKLY",
                        Hsds.byday(h.day()), h.opensAt().toString(), h.closesAt().toString()));
            }
            for (String area : e.serviceAreas()) {
                rows.get("service_areas").add(List.of(Hsds.uuid("service_area", e.id(), area), e.id(), area, "Gemeente met CBS-code " + area,
                        Hsds.areaUri(area)));
            }
            e.languages().forEach(code -> rows.get("languages").add(List.of(Hsds.uuid("language", e.id(), code), e.id(), code)));
            e.fundingRoutes().stream().sorted().forEach(f -> rows.get("funding").add(List.of(Hsds.uuid("funding", e.id(), f.name()), e.id(),
                    f.name())));
            if (e.cost() != null) {
                rows.get("cost_options").add(List.of(Hsds.uuid("cost_option", e.id()), e.id(), Hsds.costOption(e.cost()),
                        e.cost() == Cost.FREE ? "0" : "", "EUR"));
            }
            e.taxonomyTerms().forEach(code -> rows.get("attributes").add(List.of(Hsds.uuid("attribute", e.id(), code), e.id(), "service",
                    "service", Hsds.termId(code))));
        }
        organizations.forEach((id, name) -> rows.get("organizations").add(List.of(id, name, name)));
        rows.get("taxonomies").add(List.of(Hsds.TAXONOMY_ID, taxonomy.definition().name(), taxonomy.definition().description(),
                taxonomy.definition().version()));
        taxonomy.terms().forEach(t -> rows.get("taxonomy_terms").add(List.of(Hsds.termId(t.code()), t.code(), t.name(), t.description(),
                t.parent() == null ? "" : Hsds.termId(t.parent()), Hsds.TAXONOMY_ID)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ObjectNode descriptor = json.createObjectNode();
            descriptor.put("name", "sociale-kaart-mantelzorg");
            descriptor.put("title", "Sociale kaart In voor mantelzorg-thuis (HSDS 3.0 tabular data package)");
            descriptor.put("profile", "tabular-data-package");
            var resources = descriptor.putArray("resources");
            for (var table : TABLES.entrySet()) {
                var resource = resources.addObject();
                resource.put("name", table.getKey());
                resource.put("path", table.getKey() + ".csv");
                resource.put("format", "csv");
                resource.put("mediatype", "text/csv");
                resource.put("encoding", "utf-8");
                resource.put("profile", "tabular-data-resource");
                var fields = resource.putObject("schema").putArray("fields");
                for (String column : table.getValue()) {
                    fields.addObject().put("name", column).put("type", "string");
                }
                zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
                OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(table.getValue()).get());
                for (List<Object> row : rows.get(table.getKey())) {
                    csv.printRecord(row);
                }
                csv.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a package; rows that cannot become (part of) a valid entry are reported, the rest is returned. */
    static Read read(InputStream zipped, Taxonomy taxonomy, UploadLimits limits) throws IOException {
        Map<String, List<CSVRecord>> tables = new HashMap<>();
        BoundedZip bounded = new BoundedZip(limits);
        try (ZipInputStream zip = new ZipInputStream(zipped)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                bounded.nextEntry(entry);
                String name = entry.getName().replaceAll(".*/", "");
                if (name.endsWith(".csv")) {
                    String text = new String(bounded.read(zip, entry), StandardCharsets.UTF_8);
                    tables.put(name.substring(0, name.length() - 4), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                            .setIgnoreEmptyLines(true).get().parse(new StringReader(text)).getRecords());
                }
            }
        }
        List<String> errors = new ArrayList<>();
        if (!tables.containsKey("services")) {
            errors.add("services.csv: missing; a data package needs at least its services");
            return new Read(Map.of(), errors);
        }
        Map<String, String> organizations = new HashMap<>();
        for (CSVRecord r : tables.getOrDefault("organizations", List.of())) {
            organizations.put(get(r, "id"), get(r, "name"));
        }
        Map<String, String> termCodes = new HashMap<>();
        taxonomy.terms().forEach(t -> termCodes.put(Hsds.termId(t.code()), t.code()));
        Map<String, CSVRecord> locations = new HashMap<>();
        tables.getOrDefault("locations", List.of()).forEach(r -> locations.put(get(r, "id"), r));
        Map<String, CSVRecord> addresses = new HashMap<>();
        tables.getOrDefault("addresses", List.of()).forEach(r -> addresses.put(get(r, "location_id"), r));

        Map<String, OfferDetails> services = new LinkedHashMap<>();
        for (CSVRecord r : tables.get("services")) {
            String id = get(r, "id");
            String where = "services.csv row " + r.getRecordNumber();
            try {
                String organization = organizations.get(get(r, "organization_id"));
                require(id != null, "has no id");
                require(get(r, "name") != null, "has no name");
                require(organization != null, "organization_id " + get(r, "organization_id") + " is not in organizations.csv");
                String sid = id;
                List<Location> locs = new ArrayList<>();
                for (CSVRecord sal : rows(tables, "service_at_locations", "service_id", sid)) {
                    CSVRecord l = locations.get(get(sal, "location_id"));
                    require(l != null, "service_at_locations.csv row " + sal.getRecordNumber() + " names unknown location "
                            + get(sal, "location_id"));
                    CSVRecord a = addresses.get(get(l, "id"));
                    locs.add(new Location(get(l, "name"), a == null ? null : get(a, "address_1"), a == null ? null : get(a, "postal_code"),
                            a == null ? null : get(a, "city"), get(l, "municipality"), a == null ? null : get(a, "state_province"),
                            number(get(l, "latitude")), number(get(l, "longitude"))));
                }
                List<OpeningHours> hours = new ArrayList<>();
                for (CSVRecord s : rows(tables, "schedules", "service_id", sid)) {
                    for (String day : get(s, "byday").split(",")) {
                        hours.add(new OpeningHours(Hsds.day(day), LocalTime.parse(get(s, "opens_at")), LocalTime.parse(get(s, "closes_at"))));
                    }
                }
                List<String> terms = new ArrayList<>();
                for (CSVRecord a : rows(tables, "attributes", "link_id", sid)) {
                    String code = termCodes.get(get(a, "taxonomy_term_id"));
                    require(code != null, "attributes.csv row " + a.getRecordNumber() + " names unknown taxonomy term "
                            + get(a, "taxonomy_term_id"));
                    terms.add(code);
                }
                Set<FundingRoute> funding = new java.util.HashSet<>();
                for (CSVRecord f : rows(tables, "funding", "service_id", sid)) {
                    funding.add(Hsds.enumValue(FundingRoute.class, get(f, "source"), "funding source"));
                }
                Cost cost = rows(tables, "cost_options", "service_id", sid).stream().findFirst()
                        .map(c -> Hsds.cost(get(c, "option"), "0".equals(get(c, "amount"))))
                        .orElse(null);
                String phone = rows(tables, "phones", "service_id", sid).stream().findFirst().map(p -> get(p, "number")).orElse(null);
                List<String> areas = rows(tables, "service_areas", "service_id", sid).stream().map(a -> get(a, "name")).toList();
                for (String area : areas) {
                    require(area != null && area.matches("GM\\d{4}"), "service area '" + area + "' is not a CBS municipality code");
                }
                List<String> languages = rows(tables, "languages", "service_id", sid).stream().map(l -> get(l, "code")).toList();
                String status = get(r, "status");
                services.put(id, new OfferDetails(organization, get(r, "external_id"), get(r, "name"), get(r, "alternate_name"), get(r, "description"),
                        status == null ? null : Hsds.status(status), get(r, "url"),
                        get(r, "email"), phone, terms, funding, cost, get(r, "fees_description"), languages,
                        integer(get(r, "minimum_age")), integer(get(r, "maximum_age")), areas, locs, hours));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                errors.add(where + " (service " + id + "): " + e.getMessage());
            }
        }
        return new Read(services, errors);
    }

    private static List<CSVRecord> rows(Map<String, List<CSVRecord>> tables, String table, String column, String value) {
        return tables.getOrDefault(table, List.of()).stream().filter(r -> value.equals(get(r, column))).toList();
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    private static Object v(Object value) {
        return value == null ? "" : value;
    }
}
