package nl.mantelzorgthuis.testsupport;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of the NL GOV profile for CloudEvents 1.0 (Logius) that can be checked on one event in
 * the JSON format, written from the profile's text ("Context Attributes"): specversion 1.0; a
 * non-empty id, a UUID when it is random as here; source a URN in the {@code nld} namespace naming the
 * publisher and its system; type in reverse domain name notation with a {@code v}-prefixed semantic
 * version when versioned; time in RFC 3339; attribute names of lower-case letters and digits, at most
 * 20 characters; JSON data; dataschema a URI, dataref a URI reference, subject non-empty when present.
 */
public final class NlGovCloudEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NLD_URN = Pattern.compile("urn:nld:[A-Za-z0-9][A-Za-z0-9.-]*(:[A-Za-z0-9._%-]+)+");
    private static final Pattern REVERSE_DNS = Pattern.compile("[a-z]{2,63}(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+){0,2}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");

    private NlGovCloudEvents() {
    }

    /** What breaks the profile in one structured-mode JSON event; empty when it follows it. */
    public static List<String> violations(String message) {
        JsonNode event;
        try {
            event = JSON.readTree(message);
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        List<String> out = new ArrayList<>();
        if (!"1.0".equals(text(event, "specversion"))) {
            out.add("specversion MUST be 1.0");
        }
        String id = text(event, "id");
        if (id == null || id.isEmpty()) {
            out.add("id MUST be a non-empty string");
        } else if (!UUID.matcher(id).matches()) {
            out.add("id SHOULD be a UUID when it only identifies the event (" + id + ")");
        }
        String source = text(event, "source");
        if (source == null || !NLD_URN.matcher(source).matches()) {
            out.add("source SHOULD be a URN with namespace nld naming the publisher and its system (" + source + ")");
        }
        String type = text(event, "type");
        if (type == null || !REVERSE_DNS.matcher(type).matches()) {
            out.add("type MUST be in reverse domain name notation (" + type + ")");
        } else {
            String last = type.substring(type.lastIndexOf('.') + 1);
            if (last.startsWith("v") && last.length() > 1 && Character.isDigit(last.charAt(1)) && !VERSION.matcher(last).matches()) {
                out.add("a version in type SHOULD be semantic with a v prefix (" + last + ")");
            }
        }
        String time = text(event, "time");
        if (time == null) {
            out.add("time SHOULD be given (the time the event was logged)");
        } else {
            try {
                OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                out.add("time MUST be RFC 3339 (" + time + ")");
            }
        }
        for (String name : event.propertyNames()) {
            if (!name.equals("data") && !name.equals("data_base64") && !ATTRIBUTE.matcher(name).matches()) {
                out.add("attribute " + name + ": names are lower-case letters and digits, at most 20");
            }
        }
        String contentType = text(event, "datacontenttype");
        if (contentType != null && !contentType.startsWith("application/json") && !contentType.matches("application/[a-z.+-]+\\+json.*")) {
            out.add("datacontenttype SHOULD be JSON (" + contentType + ")");
        }
        if (event.has("dataschema") && !absoluteUri(text(event, "dataschema"))) {
            out.add("dataschema MUST be a non-empty URI");
        }
        if (event.has("dataref") && !uriReference(text(event, "dataref"))) {
            out.add("dataref MUST be a URI reference");
        }
        if (event.has("subject") && (text(event, "subject") == null || text(event, "subject").isEmpty())) {
            out.add("subject MUST be non-empty when present");
        }
        return out;
    }

    private static boolean absoluteUri(String value) {
        try {
            return value != null && !value.isEmpty() && URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean uriReference(String value) {
        try {
            return value != null && !value.isEmpty() && URI.create(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
