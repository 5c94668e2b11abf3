package nl.mantelzorgthuis.socialmap;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.mantelzorgthuis.testsupport.Api;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * HSDS 3.0 material for round-trip tests, read from the standard itself beside the project
 * ({@code ../shared/standards/hsds-3.0}): its examples, a package that fills every field of every
 * table of its datapackage.json, and comparisons field by field (numbers by value).
 */
final class HsdsFixtures {

    private HsdsFixtures() {
    }

    static Path standard() {
        Path dir = Path.of(System.getProperty("shared.dir", "../../shared"), "standards/hsds-3.0");
        Assumptions.assumeTrue(Files.isDirectory(dir), "HSDS 3.0 not found beside the project");
        return dir;
    }

    static JsonNode example(String name) throws IOException {
        return Api.parse(Files.readString(standard().resolve("examples").resolve(name)));
    }

    /** The standard's example tabular package: its CSV files and descriptor. */
    static Map<String, String> exampleCsvPackage() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var paths = Files.list(standard().resolve("examples/csv"))) {
            for (Path file : paths.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /**
     * One row in every table with every column filled with a value its schema accepts (first enum value,
     * a well-formed uuid, uri, email, date-time), links pointing at the other tables' rows; two
     * taxonomy terms so that parent_id points at one.
     */
    static Map<String, String> everyTableAndField(String marker) throws IOException {
        JsonNode descriptor = Api.parse(Files.readString(standard().resolve("datapackage.json")));
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode resource : descriptor.path("resources")) {
            ids.put(resource.path("name").asString(), uuid(marker, resource.path("name").asString()));
        }
        String parentTerm = uuid(marker, "parent_term");
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode resource : descriptor.path("resources")) {
            String table = resource.path("name").asString();
            JsonNode schema = Api.parse(Files.readString(standard().resolve("schema/" + table + ".json"))).path("properties");
            List<String> columns = new ArrayList<>();
            resource.path("schema").path("fields").forEach(f -> columns.add(f.path("name").asString()));
            List<List<String>> rows = new ArrayList<>();
            rows.add(columns.stream().map(c -> value(table, c, schema.path(c), ids, marker)).toList());
            if (table.equals("taxonomy_term")) {
                rows.add(columns.stream().map(c -> switch (c) {
                    case "id" -> parentTerm;
                    case "parent_id" -> "";
                    default -> value(table, c, schema.path(c), ids, marker);
                }).toList());
                rows.set(0, columns.stream().map(c -> c.equals("parent_id") ? parentTerm : value(table, c, schema.path(c), ids, marker))
                        .toList());
            }
            StringWriter out = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
                for (List<String> row : rows) {
                    csv.printRecord(row);
                }
            }
            files.put(resource.path("path").asString(), out.toString());
        }
        files.put("datapackage.json", descriptor.toString());
        return files;
    }

    private static String value(String table, String column, JsonNode property, Map<String, String> ids, String marker) {
        if (column.equals("id")) {
            return ids.get(table);
        }
        if (column.equals("link_id") || column.equals("resource_id")) {
            return ids.get("service");
        }
        if (column.equals("link_type") || column.equals("resource_type")) {
            return "service";
        }
        if (column.equals("link_entity")) {
            return "service";
        }
        if (column.equals("parent_organization_id")) {
            return ids.get("organization");
        }
        if (column.endsWith("_id") && ids.containsKey(column.substring(0, column.length() - 3))) {
            return ids.get(column.substring(0, column.length() - 3));
        }
        if (property.has("enum")) {
            return property.get("enum").get(0).asString();
        }
        String type = property.path("type").asString("string");
        if (type.equals("number") || type.equals("integer")) {
            return column.equals("latitude") ? "52.5168" : column.equals("longitude") ? "6.083" : "3";
        }
        return switch (property.path("format").asString("")) {
            case "uri" -> "https://example.nl/" + table + "/" + column;
            case "email" -> column.replace('_', '.') + "@example.nl";
            case "date-time" -> "2026-11-30T09:15:00Z";
            case "uuid" -> uuid(marker, table + "." + column);
            default -> switch (column) {
                case "valid_from", "dtstart", "last_action_date", "assured_date" -> "2026-01-01";
                case "valid_to", "until" -> "2027-12-31";
                case "opens_at" -> "09:00";
                case "closes_at" -> "17:00";
                case "byday" -> "MO,WE";
                // Values the platform's own API checks too (staff edit the entry after the import).
                case "number" -> "038 123 4567";
                case "postal_code" -> "8011 LW";
                case "state_province" -> "Overijssel";
                case "currency" -> "EUR";
                case "code" -> table.equals("language") ? "nl" : marker + "-" + column;
                default -> marker + " " + table + " " + column;
            };
        };
    }

    static String uuid(String marker, String name) {
        return UUID.nameUUIDFromBytes((marker + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Paths of null values and empty lists or strings anywhere in a document. */
    static List<String> emptyValues(JsonNode node) {
        List<String> out = new ArrayList<>();
        emptyValues(node, "$", out);
        return out;
    }

    private static void emptyValues(JsonNode node, String path, List<String> out) {
        if (node.isNull() || (node.isArray() && node.isEmpty()) || (node.isString() && node.asString().isEmpty())) {
            out.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> emptyValues(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                emptyValues(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Every field of {@code expected} that {@code actual} lacks or holds another value for, as paths; arrays by position. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        differences(expected, actual, "$", out);
        return out;
    }

    private static void differences(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing (expected " + expected + ")");
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": " + actual + " instead of " + expected);
            }
        } else if (expected.isObject() && actual.isObject()) {
            expected.properties().forEach(e -> differences(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey(), out));
            actual.propertyNames().stream().filter(name -> !expected.has(name))
                    .forEach(name -> out.add(path + "." + name + ": added (" + actual.get(name) + ")"));
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + actual.size() + " items instead of " + expected.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                differences(expected.get(i), actual.get(i), path + "[" + i + "]", out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + actual + " instead of " + expected);
        }
    }

    /**
     * For every row of every CSV file in {@code expected}: the row with its id in {@code actual}'s file of
     * the same name, with the same value in every column (numbers by value), as "file id column: ...".
     */
    static List<String> tableDifferences(Map<String, String> expected, Map<String, String> actual) throws IOException {
        List<String> out = new ArrayList<>();
        for (var file : expected.entrySet()) {
            if (!file.getKey().endsWith(".csv")) {
                continue;
            }
            if (!actual.containsKey(file.getKey())) {
                out.add(file.getKey() + ": missing");
                continue;
            }
            Map<String, CSVRecord> rows = new LinkedHashMap<>();
            for (CSVRecord row : parse(actual.get(file.getKey()))) {
                rows.put(row.get("id"), row);
            }
            for (CSVRecord want : parse(file.getValue())) {
                CSVRecord got = rows.get(want.get("id"));
                if (got == null) {
                    out.add(file.getKey() + " " + want.get("id") + ": row missing");
                    continue;
                }
                for (String column : want.getParser().getHeaderNames()) {
                    String a = want.get(column).trim();
                    String b = got.isMapped(column) ? got.get(column).trim() : null;
                    if (b == null) {
                        out.add(file.getKey() + " " + want.get("id") + " " + column + ": column missing");
                    } else if (!a.equals(b) && !sameNumber(a, b)) {
                        out.add(file.getKey() + " " + want.get("id") + " " + column + ": '" + b + "' instead of '" + a + "'");
                    }
                }
            }
        }
        return out;
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
