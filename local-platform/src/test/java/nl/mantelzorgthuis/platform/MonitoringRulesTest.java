package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring as code (monitoring/): Prometheus rules checked and unit-tested by promtool (Debian's
 * {@code prometheus} package), every alert tested and linked to a runbook that exists, and every
 * dashboard query valid PromQL (checked by promtool as recording rules).
 */
class MonitoringRulesTest {

    static final Path MONITORING = Path.of("..", "monitoring");
    static final Path RULES = MONITORING.resolve("prometheus/rules");

    @BeforeAll
    static void promtool() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(Monitoring.PROMTOOL)), "no promtool here: apt-get install prometheus");
    }

    @Test
    void the_rule_files_are_valid_and_every_alert_s_unit_test_passes() throws Exception {
        List<String> check = new ArrayList<>(List.of(Monitoring.PROMTOOL, "check", "rules"));
        try (Stream<Path> files = Files.list(RULES)) {
            files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(f -> check.add(f.toString()));
        }
        assertThat(Monitoring.run(MONITORING, check)).contains("SUCCESS").doesNotContain("FAILED");
        String tests = Monitoring.run(MONITORING.resolve("prometheus/tests"), List.of(Monitoring.PROMTOOL, "test", "rules", "alerts.test.yml"));
        assertThat(tests).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetes_loads_the_same_rules_as_compose_through_the_generated_prometheus_rule() throws Exception {
        List<Map<String, Object>> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                groups.addAll(groups(file));
            }
        }
        Map<String, Object> rule = new Yaml().load(Files.readString(MONITORING.resolve("kubernetes/prometheus-rule.yaml")));
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(((Map<String, Object>) rule.get("spec")).get("groups")).as("run bin/monitoring-k8s after changing the rules").isEqualTo(groups);
    }

    @Test
    void the_alertmanager_configuration_is_valid() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/amtool")), "no amtool here: apt-get install prometheus-alertmanager");
        assertThat(Monitoring.run(MONITORING, List.of("/usr/bin/amtool", "check-config", "alertmanager/alertmanager.yml")))
                .contains("SUCCESS").contains("2 inhibit rules");
    }

    @Test
    void every_alert_has_a_unit_test_and_a_runbook_that_exists_in_the_operations_guide() throws Exception {
        Map<String, String> runbooks = new LinkedHashMap<>();
        for (Map<String, Object> group : groups(RULES.resolve("alerts.yml"))) {
            for (Map<String, Object> rule : rules(group)) {
                @SuppressWarnings("unchecked")
                Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
                runbooks.put((String) rule.get("alert"), annotations == null ? null : annotations.get("runbook_url"));
            }
        }
        assertThat(runbooks).hasSizeGreaterThanOrEqualTo(12);
        String tests = Files.readString(MONITORING.resolve("prometheus/tests/alerts.test.yml"));
        Set<String> tested = new TreeSet<>();
        Matcher names = Pattern.compile("alertname: (\\w+)").matcher(tests);
        while (names.find()) {
            tested.add(names.group(1));
        }
        assertThat(tested).as("alerts with a promtool unit test").containsAll(runbooks.keySet());

        Set<String> anchors = anchors(Files.readString(Path.of("..", "docs", "operations.md")));
        runbooks.forEach((alert, runbook) -> {
            assertThat(runbook).as(alert + "'s runbook").startsWith("docs/operations.md#");
            assertThat(anchors).as(alert + "'s runbook section in docs/operations.md").contains(runbook.substring(runbook.indexOf('#') + 1));
        });
    }

    @Test
    void every_dashboard_query_is_valid_promql(@TempDir Path temp) throws Exception {
        Map<String, String> queries = Monitoring.dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(40);
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int i = 0;
        for (var query : queries.entrySet()) {
            rules.append("      - record: dashboard:query_").append(i++).append("\n        expr: |\n");
            for (String line : Monitoring.concrete(query.getValue()).split("\n")) {
                rules.append("          ").append(line).append('\n');
            }
        }
        Path file = temp.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);
        assertThat(Monitoring.run(temp, List.of(Monitoring.PROMTOOL, "check", "rules", file.toString()))).contains("SUCCESS");

        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(MONITORING.resolve("grafana/dashboards"))) {
            for (Path dashboard : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode d = json.readTree(Files.readString(dashboard));
                assertThat(d.get("uid").asString()).as(dashboard + " uid").startsWith("mz-");
                assertThat(d.get("templating").get("list").get(0).get("type").asString()).as("a datasource variable").isEqualTo("datasource");
                for (JsonNode panel : d.get("panels")) {
                    assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
                    assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
                }
            }
        }
    }

    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
                anchors.add(line.replaceFirst("^#+\\s*", "").trim().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> groups(Path file) throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(file));
        return (List<Map<String, Object>>) doc.get("groups");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("rules");
    }
}
