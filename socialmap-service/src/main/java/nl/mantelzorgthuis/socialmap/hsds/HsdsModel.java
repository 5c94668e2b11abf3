package nl.mantelzorgthuis.socialmap.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 data model as the standard publishes it (bundled from its repository: the tabular
 * data package descriptor and one JSON schema per table), read once: every table with its fields and
 * their types, and how the nested JSON form relates tables (a service's {@code phones} are the phone
 * rows whose {@code service_id} is the service's id; its {@code organization} is the row its
 * {@code organization_id} names). Nothing here is hand-listed, so no table or field can be missed.
 */
final class HsdsModel {

    /** A nested property of a table's JSON form: many children that point at the parent, or one record the parent points at. */
    record Nested(String property, String table, boolean many, String linkColumn) {
    }

    record Table(String name, String path, List<String> fields, Map<String, String> types, List<Nested> nested, Schema flatSchema,
            Set<String> nestedProperties) {

        Table(String name, String path, List<String> fields, Map<String, String> types, List<Nested> nested, Schema flatSchema) {
            this(name, path, fields, types, nested, flatSchema, nested.stream().map(Nested::property)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }

        boolean isNumber(String field) {
            return "number".equals(types.get(field)) || "integer".equals(types.get(field));
        }
    }

    private static final HsdsModel INSTANCE = new HsdsModel();

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final JsonNode descriptor;

    static HsdsModel get() {
        return INSTANCE;
    }

    private HsdsModel() {
        JsonMapper json = JsonMapper.builder().build();
        descriptor = read(json, "datapackage.json");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (JsonNode resource : descriptor.path("resources")) {
            String name = resource.path("name").asString();
            paths.put(name, resource.path("path").asString());
            List<String> columns = new ArrayList<>();
            Map<String, String> typeOf = new LinkedHashMap<>();
            for (JsonNode field : resource.path("schema").path("fields")) {
                columns.add(field.path("name").asString());
                typeOf.put(field.path("name").asString(), field.path("type").asString());
            }
            fields.put(name, List.copyOf(columns));
            types.put(name, typeOf);
        }
        // Formats asserted (uuid, uri, email, date-time): a record the standard calls invalid is refused, not stored.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        for (String name : fields.keySet()) {
            ObjectNode schema = (ObjectNode) read(json, "schema/" + name + ".json");
            List<Nested> nested = new ArrayList<>();
            ObjectNode properties = (ObjectNode) schema.path("properties");
            for (String property : List.copyOf(properties.propertyNames())) {
                JsonNode definition = properties.get(property);
                String ref = definition.path("items").path("$ref").asString(definition.path("$ref").asString(""));
                if (ref.isEmpty()) {
                    continue;
                }
                String child = ref.replace(".json", "");
                boolean many = "array".equals(definition.path("type").asString());
                nested.add(new Nested(property, child, many, many ? childLink(name, child, fields.get(child))
                        : parentLink(property, child, fields.get(name))));
                // The flat form of a record has no nested properties: they are rows of other tables.
                properties.remove(property);
            }
            tables.put(name, new Table(name, paths.get(name), fields.get(name), types.get(name), List.copyOf(nested),
                    registry.getSchema(schema)));
        }
    }

    /** The column of a child row that names its parent. */
    private static String childLink(String parent, String child, List<String> childFields) {
        if ("attribute".equals(child)) {
            return "link_id";
        }
        if ("metadata".equals(child)) {
            return "resource_id";
        }
        String column = parent + "_id";
        if (!childFields.contains(column)) {
            throw new IllegalStateException("HSDS table " + child + " has no column " + column + " to nest under " + parent);
        }
        return column;
    }

    /** The column of a parent row that names the one record nested under {@code property}. */
    private static String parentLink(String property, String child, List<String> parentFields) {
        if (parentFields.contains(property + "_id")) {
            return property + "_id";
        }
        if (parentFields.contains(child + "_id")) {
            return child + "_id";
        }
        throw new IllegalStateException("No column links " + property + " (" + child + ")");
    }

    private static JsonNode read(JsonMapper json, String path) {
        try (InputStream in = HsdsModel.class.getResourceAsStream("/hsds/3.0/" + path)) {
            if (in == null) {
                throw new IllegalStateException("HSDS 3.0 resource missing: " + path);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Table> tables() {
        return List.copyOf(tables.values());
    }

    Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("'" + name + "' is not an HSDS 3.0 table");
        }
        return table;
    }

    /** The table a package file holds: HSDS 3.0's file names, and the plural this platform wrote before 2026-12. */
    java.util.Optional<Table> byFile(String file) {
        String name = file.replaceAll(".*/", "");
        if ("service_at_locations.csv".equals(name)) {
            name = "service_at_location.csv";
        }
        for (Table table : tables.values()) {
            if (table.path().equals(name)) {
                return java.util.Optional.of(table);
            }
        }
        return java.util.Optional.empty();
    }

    /** The standard's descriptor, for the package's own datapackage.json. */
    JsonNode descriptor() {
        return descriptor;
    }
}
