package nl.mantelzorgthuis.testsupport.fuzz;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schemathesis-style checks from a service's own OpenAPI document, written here because no such tool
 * is reachable from these machines (PyPI is not): for every operation, generated requests (values from
 * the schemas, then mutated: wrong types, nulls, missing and unknown fields, huge and hostile strings,
 * deep nesting) are sent over HTTP with a fixed seed, and each answer must be no 5xx, a documented
 * status, and for 4xx a problem+json whose {@code status} is the HTTP status.
 */
public final class ApiFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Strings that have broken services before: encoded separators, NUL, RTL override, very long, dot segments. */
    private static final List<String> HOSTILE = List.of("", " ", "..", "../..", "%00", "\u0000", "\u202Eevil", "a;b", "a\\b",
            "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"x\")", "💥", "null", "-1", "9999999999999999999999",
            "x".repeat(5000));

    /** One problem found: the request and what was wrong with the answer. */
    public record Finding(String operation, String request, int status, String problem) {
        @Override
        public String toString() {
            return operation + " " + request + " -> " + status + ": " + problem;
        }
    }

    /** What was tried. */
    public record Report(int operations, int cases, List<Finding> findings) {
    }

    private final JsonNode document;
    private final String baseUrl;
    private final String prefix;
    private final String token;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param baseUrl the service, e.g. http://localhost:8081
     * @param prefix  the server URL of the document (paths are relative to it), e.g. /api/v1
     * @param token   a bearer token for operations that need one (null: anonymous only)
     */
    public ApiFuzzer(JsonNode document, String baseUrl, String prefix, String token, long seed) {
        this.document = document;
        this.baseUrl = baseUrl;
        this.prefix = prefix;
        this.token = token;
        this.random = new Random(seed);
    }

    /** The fuzzing every service's build runs: 30 cases per operation, seed 2026-12-01; returns the findings. */
    public static Report standard(JsonNode document, String baseUrl, String token) {
        Report report = new ApiFuzzer(document, baseUrl, "/api/v1", token, 20261201L).run(30);
        System.out.println("Fuzzing: " + report.operations() + " operations, " + report.cases() + " cases, "
                + report.findings().size() + " findings");
        return report;
    }

    public Report run(int casesPerOperation) {
        List<Finding> findings = new ArrayList<>();
        int operations = 0;
        int cases = 0;
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                for (int i = 0; i < casesPerOperation; i++) {
                    cases++;
                    Finding finding = oneCase(method, path.getKey(), op.getValue(), i);
                    if (finding != null) {
                        findings.add(finding);
                    }
                }
            }
        }
        return new Report(operations, cases, findings);
    }

    private Finding oneCase(String method, String template, JsonNode op, int index) {
        boolean mutate = index % 2 == 1;
        String path = template;
        StringBuilder query = new StringBuilder();
        String ifMatch = null;
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode p = resolve(parameter);
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            String value = mutate && random.nextInt(3) == 0 ? pick(HOSTILE) : valueFor(resolve(p.path("schema")), 0).asString("");
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encode(value.isEmpty() ? "x" : value));
            } else if (in.equals("query") && (p.path("required").asBoolean(false) || random.nextBoolean())) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
            } else if (in.equals("header") && name.equalsIgnoreCase("If-Match") && random.nextBoolean()) {
                ifMatch = mutate ? pick(List.of("garbage", "\"1\"", "*", "W/\"x\"", "\"1\", \"2\"")) : "\"1\"";
            }
        }
        String body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            JsonNode schema = resolve(content.path("application/json").path("schema"));
            JsonNode value = valueFor(schema, 0);
            body = mutate ? mutateBody(value) : value.toString();
        }
        String url = prefix + path + query;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (token != null && random.nextInt(5) != 0) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return check(method + " " + template, method + " " + abbreviate(url) + (body == null ? "" : " " + abbreviate(body)),
                    op, response);
        } catch (IllegalArgumentException e) {
            return null; // a URL the JDK's client itself refuses to send
        } catch (Exception e) {
            return new Finding(method + " " + template, abbreviate(url), 0, "no answer: " + e);
        }
    }

    private Finding check(String operation, String request, JsonNode op, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return new Finding(operation, request, status, "server error " + abbreviate(response.body()));
        }
        JsonNode responses = op.path("responses");
        if (!responses.has(Integer.toString(status)) && !responses.has("default") && status != 406 && status != 405) {
            return new Finding(operation, request, status, "status not in the document " + responses.propertyNames());
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return new Finding(operation, request, status, "not problem+json but '" + type + "'");
            }
            try {
                if (JSON.readTree(response.body()).path("status").asInt() != status) {
                    return new Finding(operation, request, status, "problem status differs: " + abbreviate(response.body()));
                }
            } catch (RuntimeException e) {
                return new Finding(operation, request, status, "unreadable problem: " + abbreviate(response.body()));
            }
        }
        return null;
    }

    /** A value that follows the schema (types, enums, formats, bounds), small. */
    private JsonNode valueFor(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combinator) && s.get(combinator).size() > 0) {
                return valueFor(s.get(combinator).get(0), depth);
            }
        }
        String type = typeOf(s);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : fields(s.path("properties"))) {
                        if (random.nextInt(4) != 0 || contains(s.path("required"), property.getKey())) {
                            object.set(property.getKey(), valueFor(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth < 4 ? random.nextInt(3) : 0;
                for (int i = 0; i < n; i++) {
                    array.add(valueFor(s.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(min + 100);
                return NODES.numberNode(min + (long) (random.nextDouble() * Math.max(1, max - min)));
            }
            case "number" -> {
                return NODES.numberNode(s.path("minimum").asDouble(0) + random.nextDouble() * 10);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(stringFor(s));
            }
        }
    }

    private String stringFor(JsonNode s) {
        String format = s.path("format").asString("");
        return switch (format) {
            case "date" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
            case "date-time" -> "2026-11-2" + random.nextInt(9) + "T10:00:00Z";
            case "uri", "url" -> "https://example.org/" + random.nextInt(100);
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.org";
            case "uuid" -> java.util.UUID.randomUUID().toString();
            default -> {
                String pattern = s.path("pattern").asString("");
                if (pattern.startsWith("GM")) {
                    yield "GM0" + (100 + random.nextInt(900));
                }
                int max = s.path("maxLength").asInt(20);
                String word = "fuzz" + Integer.toString(100_000 + random.nextInt(1_000_000), 36);
                yield word.substring(0, Math.max(1, Math.min(word.length(), max)));
            }
        };
    }

    private String mutateBody(JsonNode valid) {
        return switch (random.nextInt(8)) {
            case 0 -> "{";                                             // not JSON
            case 1 -> "null";
            case 2 -> "[" + valid + "]";                              // wrong top-level type
            case 3 -> "{" + "\"a\":[".repeat(2000) + "1" + "]".repeat(2000) + "}"; // deep nesting
            case 4 -> mutateFields(valid, NODES.nullNode());
            case 5 -> mutateFields(valid, NODES.stringNode(pick(HOSTILE)));
            case 6 -> mutateFields(valid, NODES.arrayNode().add(NODES.nullNode()));
            default -> mutateFields(valid, NODES.numberNode(-1));
        };
    }

    private String mutateFields(JsonNode valid, JsonNode replacement) {
        if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
            return replacement.toString();
        }
        ObjectNode copy = object.deepCopy();
        List<String> names = new ArrayList<>(copy.propertyNames());
        copy.set(names.get(random.nextInt(names.size())), replacement);
        if (random.nextBoolean()) {
            copy.set("unknownField" + random.nextInt(10), replacement);
        }
        return copy.toString();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    private static String typeOf(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "string";
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (String name : node.propertyNames()) {
            list.add(Map.entry(name, node.get(name)));
        }
        return list;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
