package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the monitoring tests share: promtool, the dashboards' queries, the metric names they read. */
final class Monitoring {

    static final String PROMTOOL = "/usr/bin/promtool";
    static final String PROMETHEUS = "/usr/bin/prometheus";

    private Monitoring() {
    }

    /** Runs a command with a bounded wait; returns its output, or fails with it. */
    static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + output);
        }
        return output;
    }

    /** Every panel's query, keyed "dashboard / panel title / refId", in the dashboards' order. */
    static Map<String, String> dashboardQueries() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("..", "monitoring", "grafana", "dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        queries.put(dashboard.get("title").asString() + " / " + panel.get("title").asString() + " / "
                                + target.get("refId").asString(), target.get("expr").asString());
                    }
                }
            }
        }
        return queries;
    }

    /** A query as Grafana would send it: its variables replaced ("all services", a 30 s rate window). */
    static String concrete(String query) {
        return query.replace("$__rate_interval", "30s").replace("$application", ".+");
    }

    private static final Set<String> NOT_METRICS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "irate", "by",
            "without", "on", "ignoring", "group_left", "group_right", "histogram_quantile", "vector", "or", "and", "unless",
            "time", "le", "bool", "offset", "abs", "clamp_min", "clamp_max", "topk", "bottomk", "label_replace", "e");

    /** The metric (and recording-rule) names a query reads: label matchers, groupings and functions removed. */
    static Set<String> metricNames(String query) {
        String bare = query.replaceAll("\\{[^}]*}", " ").replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            String token = m.group();
            if (!NOT_METRICS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }
}
