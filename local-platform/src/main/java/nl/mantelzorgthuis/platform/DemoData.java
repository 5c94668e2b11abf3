package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nl.mantelzorgthuis.testsupport.BrowserLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo practices (resources/demo/practices.json, built from the seed texts) through the
 * gateway API on first start, so they pass the same validation and publish the same events as any
 * other write. A marker file keeps a restart from loading them twice.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoData() {
    }

    /** The demo accounts file, copied out of the launcher jar for the identity service to read. */
    static Path accountsFile(Path dataDir) throws IOException {
        Path file = dataDir.resolve("demo-accounts.json");
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/accounts.json")) {
            Files.createDirectories(dataDir);
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static int loadOnce(PlatformConfig config, Gateway api) throws Exception {
        Path marker = config.dataDir().resolve("demo-data-loaded");
        if (Files.exists(marker)) {
            return 0;
        }
        JsonNode practices;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/practices.json")) {
            practices = JSON.readTree(in).get("practices");
        }
        // Four at a time: a call waits on the service and its durable write more than on this machine's cores.
        List<Callable<Object>> calls = new ArrayList<>();
        for (JsonNode practice : practices) {
            calls.add(() -> api.call("POST", "/api/v1/practices", JSON.writeValueAsString(practice), null, 201));
        }
        inParallel(4, calls);
        int loaded = calls.size();
        Files.writeString(marker, "loaded " + loaded + " practices\n");
        return loaded;
    }

    /**
     * Loads the demo experiments (resources/demo/experiments.json) through the gateway once: created,
     * adopted, given cycles, measures and observations and moved along their lifecycle as a user
     * would. Experiment-service learns the practices from Kafka, so this first waits until it knows them.
     */
    static int loadExperimentsOnce(PlatformConfig config, Gateway api, Duration wait) throws Exception {
        Path marker = config.dataDir().resolve("demo-experiments-loaded");
        if (Files.exists(marker)) {
            return 0;
        }
        JsonNode experiments;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/experiments.json")) {
            experiments = JSON.readTree(in).get("experiments");
        }
        java.util.Map<String, String> practiceIds = new java.util.HashMap<>();
        api.call("GET", "/api/v1/practices?pageSize=100", null, null, 200).get("items")
                .forEach(p -> practiceIds.put(p.get("name").asString(), p.get("id").asString()));
        java.time.Instant deadline = java.time.Instant.now().plus(wait);
        java.util.Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
        // Each practice's experiments in order, four practices at a time; adoptions after what they adopt.
        java.util.Map<String, List<JsonNode>> byPractice = new java.util.LinkedHashMap<>();
        List<JsonNode> adoptions = new ArrayList<>();
        for (JsonNode experiment : experiments) {
            if (experiment.has("adoptFrom")) {
                adoptions.add(experiment);
            } else {
                byPractice.computeIfAbsent(experiment.get("practice").asString(), practice -> new ArrayList<>()).add(experiment);
            }
        }
        List<Callable<Object>> groups = new ArrayList<>();
        byPractice.values().forEach(group -> groups.add(() -> {
            for (JsonNode experiment : group) {
                loadExperiment(api, experiment, practiceId(practiceIds, experiment.get("practice").asString()), ids, deadline, wait);
            }
            return null;
        }));
        inParallel(4, groups);
        for (JsonNode experiment : adoptions) {
            loadExperiment(api, experiment, practiceId(practiceIds, experiment.get("practice").asString()), ids, deadline, wait);
        }
        int loaded = experiments.size();
        Files.writeString(marker, "loaded " + loaded + " experiments\n");
        return loaded;
    }

    private static void loadExperiment(Gateway api, JsonNode experiment, String practiceId, java.util.Map<String, String> ids,
            java.time.Instant deadline, Duration wait) throws Exception {
        // Experiment-service learns the practices from Kafka.
        while (!api.knowsPractice(practiceId)) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("experiment-service did not learn practice " + experiment.get("practice")
                        + " from Kafka within " + wait.toSeconds() + " s");
            }
            Thread.sleep(250); // polling a remote process; nothing to await on in this JVM
        }
        String practice = experiment.get("practice").asString();
        var body = (tools.jackson.databind.node.ObjectNode) experiment.deepCopy();
        body.put("practiceId", practiceId);
        for (String field : List.of("practice", "status", "cycles", "measures", "adoptFrom")) {
            body.remove(field);
        }
        String id;
        if (experiment.has("adoptFrom")) {
            JsonNode from = experiment.get("adoptFrom");
            String origin = ids.get(from.get("practice").asString() + "/" + from.get("title").asString());
            var adoption = JSON.createObjectNode().put("practiceId", practiceId);
            adoption.set("organisations", experiment.get("organisations"));
            id = api.call("POST", "/api/v1/experiments/" + origin + "/adoptions", adoption.toString(), null, 201).get("id").asString();
            api.call("PUT", "/api/v1/experiments/" + id, body.toString(), "*", 200);
        } else {
            id = api.call("POST", "/api/v1/experiments", body.toString(), null, 201).get("id").asString();
        }
        ids.put(practice + "/" + experiment.get("title").asString(), id);
        int number = 0;
        for (JsonNode cycle : experiment.path("cycles")) {
            api.call("POST", "/api/v1/experiments/" + id + "/cycles", cycle.toString(), null, 201);
            number++;
            if (cycle.has("decision")) {
                api.call("PUT", "/api/v1/experiments/" + id + "/cycles/" + number, cycle.toString(), "*", 200);
            }
        }
        for (JsonNode measure : experiment.path("measures")) {
            loadMeasure(api, id, measure);
        }
        for (JsonNode step : experiment.path("status")) {
            String[] parts = step.asString().split(":", 2);
            var transition = JSON.createObjectNode().put("status", parts[0]);
            if (parts.length > 1) {
                transition.put("reason", parts[1]);
            }
            api.call("POST", "/api/v1/experiments/" + id + "/transitions", transition.toString(), null, 200);
        }
    }

    /** Runs the calls {@code threads} at a time and waits for all; the first failure is thrown. */
    private static void inParallel(int threads, List<Callable<Object>> calls) throws Exception {
        try (var workers = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<Object>> running = new ArrayList<>();
            for (Callable<Object> call : calls) {
                running.add(workers.submit(call));
            }
            for (var call : running) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    /** Loads the fictional demo social map (DemoSocialMap) once, as the demo coordinator, straight at socialmap-service. */
    static int loadSocialMapOnce(PlatformConfig config, Gateway api) throws Exception {
        Path marker = config.dataDir().resolve("demo-socialmap-loaded");
        if (Files.exists(marker)) {
            return 0;
        }
        java.util.Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
        Gateway socialMap = api.direct(config.socialmapPort());
        var entries = nl.mantelzorgthuis.testsupport.DemoSocialMap.demo();
        // Four at a time: each entry waits mostly for its durable write, so calls side by side finish sooner.
        List<Callable<Object>> calls = new ArrayList<>();
        for (var entry : entries) {
            calls.add(() -> ids.put(entry.get("name").asString(),
                    socialMap.call("POST", "/api/v1/socialmap/services", entry.toString(), null, 201).get("id").asString()));
        }
        inParallel(4, calls);
        int loaded = entries.size();
        // The seeds' respite-care routing: made in 's-Hertogenbosch, tried in Noordoostpolder (seed 003).
        String route;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/respite-route-s-hertogenbosch.json")) {
            route = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("${steunpunt}", ids.get("Mantelzorgsteunpunt 's-Hertogenbosch"))
                    .replace("${wmoloket}", ids.get("Wmo-loket 's-Hertogenbosch"))
                    .replace("${logeerhuis}", ids.get("Logeerhuis 's-Hertogenbosch"))
                    .replace("${dagbesteding}", ids.get("Dagbesteding De Ontmoeting 's-Hertogenbosch"));
        }
        api.call("PUT", "/api/v1/socialmap/municipalities/GM0796/respite-route", route, null, 200);
        JsonNode copy = api.call("POST", "/api/v1/socialmap/municipalities/GM0171/respite-route/copy", "{\"from\":\"GM0796\"}", null, 201);
        // As Noordoostpolder would after adopting it: its own name on the route (seed 003).
        tools.jackson.databind.node.ObjectNode adapted = JSON.createObjectNode()
                .put("title", "Route naar respijtzorg in Noordoostpolder (demo, overgenomen van 's-Hertogenbosch)");
        adapted.set("steps", copy.get("steps"));
        api.call("PUT", "/api/v1/socialmap/municipalities/GM0171/respite-route", adapted.toString(),
                "\"" + copy.get("version").asLong() + "\"", 200);
        Files.writeString(marker, "loaded " + loaded + " social-map entries\n");
        return loaded;
    }

    static Path webhookSecretFile(Path dataDir) {
        return dataDir.resolve("demo-webhook-secret.txt");
    }

    /**
     * The demo coordinator follows Praktijkversneller Zwolle with immediate e-mail, and a demo webhook
     * sends every change to the local receiver, which checks the signature with the secret kept on file.
     */
    static boolean subscribeOnce(PlatformConfig config, Gateway api, String hookUrl) throws Exception {
        Path marker = config.dataDir().resolve("demo-notifications-subscribed");
        if (Files.exists(marker)) {
            return false;
        }
        JsonNode practices = api.call("GET", "/api/v1/practices?kind=PRACTICE_ACCELERATOR&pageSize=100", null, null, 200).get("items");
        String zwolle = practices.valueStream().filter(p -> p.get("name").asString().equals("Praktijkversneller Zwolle"))
                .findFirst().orElseThrow().get("id").asString();
        api.call("POST", "/api/v1/notifications/follows", "{\"kind\":\"PRACTICE\",\"value\":\"" + zwolle + "\"}", null, 201);
        api.call("PUT", "/api/v1/notifications/preferences", "{\"locale\":\"nl\",\"email\":{\"frequency\":\"IMMEDIATE\"}}", null, 200);
        JsonNode hook = api.call("POST", "/api/v1/notifications/webhooks",
                "{\"name\":\"Demo-ontvanger\",\"url\":\"" + hookUrl + "\"}", null, 201);
        Files.writeString(webhookSecretFile(config.dataDir()), hook.get("secret").asString() + "\n");
        Files.writeString(marker, "webhook " + hook.get("id").asString() + ", following " + zwolle + "\n");
        return true;
    }

    private static void loadMeasure(Gateway api, String experimentId, JsonNode measure) throws Exception {
        var definition = JSON.createObjectNode().put("name", measure.get("name").asString())
                .put("unit", measure.get("unit").asString()).put("betterWhen", measure.get("betterWhen").asString());
        if (measure.has("target")) {
            definition.put("target", measure.get("target").asDouble());
        }
        String measureId = api.call("POST", "/api/v1/experiments/" + experimentId + "/measures", definition.toString(), null, 201)
                .get("id").asString();
        java.time.LocalDate start = java.time.LocalDate.parse(measure.get("start").asString());
        java.time.Period every = java.time.Period.parse(measure.get("every").asString());
        var observations = JSON.createArrayNode();
        java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        int i = 0;
        for (JsonNode value : measure.get("values")) {
            java.time.LocalDate date = start.plus(every.multipliedBy(i));
            dates.add(date);
            var observation = observations.addObject().put("date", date.toString()).put("value", value.asDouble());
            if (measure.path("notes").has(String.valueOf(i))) {
                observation.put("note", measure.get("notes").get(String.valueOf(i)).asString());
            }
            i++;
        }
        api.call("POST", "/api/v1/experiments/" + experimentId + "/measures/" + measureId + "/observations",
                JSON.createObjectNode().set("observations", observations).toString(), null, 200);
        if (measure.has("baselinePoints") || measure.has("splitAt")) {
            var settings = JSON.createObjectNode();
            if (measure.has("baselinePoints")) {
                settings.put("baselinePoints", measure.get("baselinePoints").asInt());
            }
            var splits = settings.putArray("splitAt");
            measure.path("splitAt").forEach(position -> splits.add(dates.get(position.asInt()).toString()));
            api.call("PUT", "/api/v1/experiments/" + experimentId + "/measures/" + measureId + "/analysis-settings",
                    settings.toString(), null, 200);
        }
    }

    private static String practiceId(java.util.Map<String, String> practiceIds, String name) {
        String id = practiceIds.get(name);
        if (id == null) {
            throw new IllegalStateException("Demo experiments name practice '" + name + "', which is not among the demo practices");
        }
        return id;
    }

    /**
     * The platform's API as the demo coordinator uses it, logged in like a person through the portal
     * client: once, and only when some demo data is still to be loaded.
     */
    static final class Gateway {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final PlatformConfig config;
        private final String base;
        private String token;

        Gateway(PlatformConfig config) {
            this(config, "http://localhost:" + config.gatewayPort(), null);
        }

        private Gateway(PlatformConfig config, String base, String token) {
            this.config = config;
            this.base = base;
            this.token = token;
        }

        /**
         * The same demo coordinator straight at one service: for loading many entries without the
         * gateway's per-client rate limit (which made 264 entries take 13 s); the service checks the token alike.
         */
        Gateway direct(int port) throws Exception {
            return new Gateway(config, "http://localhost:" + port, token());
        }

        private synchronized String token() throws Exception {
            if (token == null) {
                token = BrowserLogin.accessToken(config.issuer(), "portal", PlatformConfig.PORTAL_SECRET,
                        config.portalRedirectUri(), PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
            }
            return token;
        }

        /** A probe without outcome categories: a 422 about outcomes, not about practiceId, means the practice is known. */
        boolean knowsPractice(String practiceId) throws Exception {
            String probe = JSON.createObjectNode().put("practiceId", practiceId).put("title", "probe")
                    .put("level", "BETWEEN_PROFESSIONALS").put("phase", "DISCOVER").set("outcomes", JSON.createArrayNode()).toString();
            HttpResponse<String> response = send("POST", "/api/v1/experiments", probe, null);
            return response.statusCode() == 422 && response.body().contains("\"outcomes\"");
        }

        JsonNode call(String method, String path, String body, String ifMatch, int expected) throws Exception {
            HttpResponse<String> response = send(method, path, body, ifMatch);
            // The gateway's rate limit applies to the loader too; a 429 was not processed, so waiting and sending again is safe.
            for (int attempt = 0; response.statusCode() == 429 && attempt < 30; attempt++) {
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.max(1, seconds) * 1000);
                response = send(method, path, body, ifMatch);
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Demo data: " + method + " " + path + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }

        private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token()).header("X-Request-Id", "demo-data");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
