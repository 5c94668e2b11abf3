package nl.mantelzorgthuis.socialmap.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * HSDS records as the tabular form has them, one per table and id, whichever form they came in: a
 * nested JSON object is flattened into rows (a child nested under its parent gets the link, kept
 * apart from its own fields so the JSON form is given back exactly as it came), and rendered back
 * into the nested form from rows. A record met twice (a location under two services) is one record;
 * met with different values it is reported, never silently changed.
 */
final class Records {

    /** One record: its own fields as given, the links it got from where it was nested, and nested properties given empty. */
    static final class Rec {
        final String table;
        final String id;
        final ObjectNode fields;
        final Map<String, String> links = new LinkedHashMap<>();
        final Map<String, JsonNode> empty = new LinkedHashMap<>();
        /** Where the record was first read (file and row, or path in the JSON), for reports; not stored. */
        String where;

        Rec(String table, String id, ObjectNode fields) {
            this.table = table;
            this.id = id;
            this.fields = fields;
        }

        /** A column's value: the field's text or the link. */
        String value(String column) {
            JsonNode field = fields.get(column);
            if (field != null && !field.isNull()) {
                return field.isString() ? field.asString() : field.toString();
            }
            return links.get(column);
        }

        String key() {
            return table + "/" + id;
        }

        Rec copy() {
            Rec copy = new Rec(table, id, fields.deepCopy());
            copy.links.putAll(links);
            copy.empty.putAll(empty);
            return copy;
        }
    }

    private static final int MAX_DEPTH = 8;
    private final HsdsModel model = HsdsModel.get();
    private final Map<String, Rec> records = new LinkedHashMap<>();
    private Map<String, List<Rec>> children;

    Records() {
    }

    Records(java.util.Collection<Rec> recs) {
        recs.forEach(r -> records.put(r.key(), r));
    }

    java.util.Collection<Rec> all() {
        return records.values();
    }

    Rec get(String table, String id) {
        return records.get(table + "/" + id);
    }

    List<Rec> of(String table) {
        return records.values().stream().filter(r -> r.table.equals(table)).toList();
    }

    void remove(Rec rec) {
        records.remove(rec.key());
        children = null;
    }

    /** Adds (or replaces) a record as it is, links and all. */
    void put(Rec rec) {
        records.put(rec.key(), rec);
        children = null;
    }

    /** Adds a nested JSON object of {@code table} and everything nested in it; what clashes is added to {@code problems}. */
    Rec add(String table, JsonNode object, String where, List<String> problems) {
        return add(table, object, null, null, where, problems, 0);
    }

    private Rec add(String table, JsonNode object, String linkColumn, String linkValue, String where, List<String> problems, int depth) {
        if (!object.isObject()) {
            problems.add(where + ": is not an object");
            return null;
        }
        JsonNode idNode = object.get("id");
        if (idNode == null || !idNode.isString() || idNode.asString().isBlank()) {
            problems.add(where + ": has no id");
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(where + ": nested deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        HsdsModel.Table t = model.table(table);
        Set<String> nestedNames = t.nestedProperties();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        object.properties().forEach(e -> {
            if (!nestedNames.contains(e.getKey())) {
                fields.set(e.getKey(), e.getValue());
            }
        });
        String id = idNode.asString();
        Rec rec = merge(new Rec(table, id, fields), where, problems);
        if (linkColumn != null) {
            link(rec, linkColumn, linkValue, where, problems);
        }
        for (HsdsModel.Nested n : t.nested()) {
            JsonNode value = object.get(n.property());
            if (value == null) {
                continue;
            }
            if (value.isNull() || (value.isArray() && value.isEmpty())) {
                rec.empty.put(n.property(), value);
                continue;
            }
            if (n.many()) {
                if (!value.isArray()) {
                    problems.add(where + "." + n.property() + ": is not a list");
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    add(n.table(), value.get(i), n.linkColumn(), id, where + "." + n.property() + "[" + i + "]", problems, depth + 1);
                }
            } else {
                Rec child = add(n.table(), value, null, null, where + "." + n.property(), problems, depth + 1);
                if (child != null) {
                    link(rec, n.linkColumn(), child.id, where, problems);
                }
            }
        }
        children = null;
        return rec;
    }

    /** Adds a flat row (the tabular form: links are columns). */
    Rec addRow(String table, ObjectNode fields, String where, List<String> problems) {
        String id = fields.path("id").asString("");
        if (id.isBlank()) {
            problems.add(where + ": has no id");
            return null;
        }
        children = null;
        return merge(new Rec(table, id, fields), where, problems);
    }

    private Rec merge(Rec rec, String where, List<String> problems) {
        Rec known = records.get(rec.key());
        if (known == null) {
            rec.where = where;
            records.put(rec.key(), rec);
            return rec;
        }
        rec.fields.properties().forEach(e -> {
            JsonNode before = known.fields.get(e.getKey());
            if (before == null) {
                known.fields.set(e.getKey(), e.getValue());
            } else if (!sameValue(before, e.getValue())) {
                problems.add(where + ": " + rec.table + " " + rec.id + " is given twice with different values for " + e.getKey()
                        + " (" + before + ", " + e.getValue() + "); the first is kept");
            }
        });
        return known;
    }

    private void link(Rec rec, String column, String value, String where, List<String> problems) {
        String current = rec.value(column);
        if (current == null) {
            rec.links.put(column, value);
        } else if (!current.equals(value)) {
            problems.add(where + ": " + rec.table + " " + rec.id + " is linked to two records by " + column + " (" + current + ", "
                    + value + "); the first is kept");
        }
    }

    /** Field values equal as HSDS means them: numbers by value (35 = 35.0), everything else exactly. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * The same records with the same values, whichever form they came in (a link nested or a column,
     * 35 or 35.0): what the export would give is unchanged. Empty nested lists carry no records.
     */
    static boolean sameContent(java.util.Collection<Rec> a, java.util.Collection<Rec> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, Rec> byKey = new HashMap<>();
        b.forEach(r -> byKey.put(r.key(), r));
        for (Rec x : a) {
            Rec y = byKey.get(x.key());
            if (y == null) {
                return false;
            }
            Set<String> columns = new LinkedHashSet<>(x.fields.propertyNames());
            columns.addAll(x.links.keySet());
            columns.addAll(y.fields.propertyNames());
            columns.addAll(y.links.keySet());
            for (String column : columns) {
                if (!sameCell(cell(x, column), cell(y, column))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode cell(Rec rec, String column) {
        JsonNode field = rec.fields.get(column);
        if (field != null && !field.isNull()) {
            return field;
        }
        String link = rec.links.get(column);
        return link == null ? null : JsonNodeFactory.instance.stringNode(link);
    }

    private static boolean sameCell(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return sameValue(a, b) || (a.isString() != b.isString() && a.asString().equals(b.asString()));
    }

    /** The nested JSON form of a record, as the HSDS API and JSON export give it. */
    ObjectNode render(String table, String id) {
        Rec rec = get(table, id);
        return rec == null ? null : render(rec, 0, null);
    }

    /** Every record the nested form of this one contains (itself included): what belongs with it. */
    Set<Rec> reachable(String table, String id) {
        Set<Rec> seen = new LinkedHashSet<>();
        Rec rec = get(table, id);
        if (rec != null) {
            render(rec, 0, seen);
        }
        return seen;
    }

    private ObjectNode render(Rec rec, int depth, Set<Rec> seen) {
        if (seen != null) {
            seen.add(rec);
        }
        ObjectNode out = rec.fields.deepCopy();
        if (depth >= MAX_DEPTH) {
            return out;
        }
        for (HsdsModel.Nested n : model.table(rec.table).nested()) {
            if (n.many()) {
                List<Rec> kids = children(n.table(), n.linkColumn(), rec.id);
                if (!kids.isEmpty()) {
                    ArrayNode array = out.putArray(n.property());
                    kids.forEach(kid -> array.add(render(kid, depth + 1, seen)));
                    continue;
                }
            } else {
                String target = rec.value(n.linkColumn());
                Rec one = target == null ? null : get(n.table(), target);
                if (one != null) {
                    out.set(n.property(), render(one, depth + 1, seen));
                    continue;
                }
            }
            JsonNode given = rec.empty.get(n.property());
            if (given != null) {
                out.set(n.property(), given.deepCopy());
            }
        }
        return out;
    }

    private List<Rec> children(String table, String column, String parentId) {
        if (children == null) {
            Map<String, List<Rec>> index = new HashMap<>();
            for (Rec r : records.values()) {
                for (String field : model.table(r.table).fields()) {
                    String value = r.value(field);
                    if (value != null && (field.endsWith("_id") || field.equals("link_id"))) {
                        index.computeIfAbsent(r.table + "|" + field + "|" + value, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            children = index;
        }
        return children.getOrDefault(table + "|" + column + "|" + parentId, List.of());
    }
}
