package nl.mantelzorgthuis.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal generates its API types from copies of the services' OpenAPI documents
 * ({@code portal/openapi/}), so its build needs no running service. This keeps each copy equal to
 * what the service serves: a changed API fails here until {@code bin/portal-api} refreshes the copy
 * (and the portal's type check then shows what the change breaks).
 */
public final class PortalApiCopy {

    private PortalApiCopy() {
    }

    public static void assertCurrent(JsonNode served, String service) throws Exception {
        Path copy = Path.of("..", "portal", "openapi", service + ".json");
        if (!Files.exists(copy)) {
            throw new AssertionError("The portal has no copy of " + service + "'s OpenAPI document: " + copy.toAbsolutePath());
        }
        JsonNode kept = JsonMapper.builder().build().readTree(Files.readString(copy));
        // Numbers by value: the copy is pretty-printed by Node, which writes 90.0 as 90.
        java.util.Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        if (!kept.equals(byValue, served)) {
            throw new AssertionError("portal/openapi/" + service + ".json is out of date: run bin/portal-api after the tests");
        }
    }
}
