package nl.mantelzorgthuis.socialmap.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 tabular data package: a zip of one CSV file per table, named and laid out as the
 * standard's datapackage.json says, with that descriptor. Every table and column is read and written;
 * a column HSDS does not have (this platform's {@code external_id} and {@code municipality}, or another
 * system's) is kept and written back after the standard's columns. Number columns become JSON
 * numbers, all others stay text as written.
 */
final class DataPackage {

    /** What a package held, and what could not be read (a file that is no HSDS table, a row without id, ...). */
    record Read(Records records, boolean hasServices, List<String> problems) {
    }

    private DataPackage() {
    }

    static Read read(InputStream zipped, UploadLimits limits) throws IOException {
        HsdsModel model = HsdsModel.get();
        Records records = new Records();
        List<String> problems = new ArrayList<>();
        boolean services = false;
        BoundedZip bounded = new BoundedZip(limits);
        try (ZipInputStream zip = new ZipInputStream(zipped)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                bounded.nextEntry(entry);
                String name = entry.getName().replaceAll(".*/", "");
                if (!name.endsWith(".csv")) {
                    continue;
                }
                var table = model.byFile(name);
                byte[] bytes = bounded.read(zip, entry);
                if (table.isEmpty()) {
                    problems.add(name + ": not a table of HSDS 3.0; not loaded");
                    continue;
                }
                services |= table.get().name().equals("service");
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                        .get().parse(new StringReader(text))) {
                    ObjectNode fields = JsonNodeFactory.instance.objectNode();
                    row.toMap().forEach((column, value) -> {
                        if (value != null && !value.isBlank()) {
                            fields.set(column.trim(), typed(table.get(), column.trim(), value.trim()));
                        }
                    });
                    records.addRow(table.get().name(), fields, name + " row " + row.getRecordNumber(), problems);
                }
            }
        }
        return new Read(records, services, problems);
    }

    /** A number column's value as a JSON number (exactly as written); anything unreadable stays text for the schema to report. */
    private static JsonNode typed(HsdsModel.Table table, String column, String value) {
        if (table.isNumber(column)) {
            try {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.stringNode(value);
            }
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    static byte[] write(Records records, JsonMapper json) {
        HsdsModel model = HsdsModel.get();
        ObjectNode descriptor = (ObjectNode) model.descriptor().deepCopy();
        descriptor.put("name", "sociale-kaart-mantelzorg");
        descriptor.put("title", "Sociale kaart In voor mantelzorg-thuis (HSDS 3.0 tabular data package)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (JsonNode resource : descriptor.path("resources")) {
                HsdsModel.Table table = model.table(resource.path("name").asString());
                List<Records.Rec> rows = records.of(table.name());
                Set<String> columns = new LinkedHashSet<>(table.fields());
                rows.forEach(r -> r.fields.propertyNames().forEach(columns::add));
                ArrayNode fields = (ArrayNode) resource.path("schema").path("fields");
                columns.stream().filter(c -> !table.fields().contains(c))
                        .forEach(extra -> fields.addObject().put("name", extra).put("type", "string")
                                .put("description", "Not part of HSDS 3.0: kept as the source system wrote it"));
                zip.putNextEntry(new ZipEntry(table.path()));
                OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
                for (Records.Rec row : rows) {
                    List<String> values = new ArrayList<>();
                    for (String column : columns) {
                        values.add(text(row, column));
                    }
                    csv.printRecord(values);
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

    private static String text(Records.Rec row, String column) {
        JsonNode value = row.fields.get(column);
        if (value == null || value.isNull()) {
            String link = row.links.get(column);
            return link == null ? "" : link;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
