package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes base (rendered offline with kubectl kustomize) and docker-compose.yml run the same
 * jars as the local platform, configured only by standard environment variables, with probes on the
 * actuator health groups.
 */
class DeploymentDescriptorsTest {

    static final Path ROOT = PlatformConfig.fromEnvironment().root();
    static final List<String> SERVICES = List.of("identity-service", "practice-service", "experiment-service", "socialmap-service", "notification-service", "gateway");

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (current == null) {
                return null;
            }
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    static List<Map<String, Object>> kustomize() throws IOException, InterruptedException {
        return kustomize("k8s/base");
    }

    static List<Map<String, Object>> kustomize(String directory) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(directory).toString()).redirectErrorStream(false).start();
        } catch (IOException noKubectl) {
            assumeTrue(false, "kubectl is not installed: the kustomization is not rendered here");
            throw noKubectl;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(out).forEach(doc -> docs.add(at(doc)));
        return docs;
    }

    @Test
    void kustomization_renders_a_deployment_and_service_per_service_with_health_probes() throws Exception {
        List<Map<String, Object>> docs = kustomize();
        for (String service : SERVICES) {
            Map<String, Object> deployment = docs.stream()
                    .filter(d -> "Deployment".equals(d.get("kind")) && service.equals(at(d, "metadata", "name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + service));
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
            assertThat((String) container.get("image")).isEqualTo("mantelzorg/" + service + ":0.1.0");
            assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
            assertThat(docs).anyMatch(d -> "Service".equals(d.get("kind")) && service.equals(at(d, "metadata", "name")));
        }
        Map<String, Object> config = docs.stream().filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(config, "data")).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "PLATFORM_SERVICES_PRACTICE",
                "PLATFORM_IDENTITY_ISSUER", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "PLATFORM_RATE_LIMIT_STORE");
        assertThat(docs).as("the base holds no Secrets: the overlays provide them").noneMatch(d -> "Secret".equals(d.get("kind")));
        assertThat(new Yaml().dump(docs)).doesNotContain("change-me");
    }

    static final List<String> OVERLAYS = List.of("k8s/overlays/local", "k8s/overlays/staging", "k8s/overlays/production");

    @Test
    @SuppressWarnings("unchecked")
    void every_overlay_renders_and_provides_every_secret_and_config_map_its_workloads_read() throws Exception {
        for (String overlay : OVERLAYS) {
            List<Map<String, Object>> docs = kustomize(overlay);
            Set<String> provided = new TreeSet<>();
            for (Map<String, Object> d : docs) {
                if ("Secret".equals(d.get("kind")) || "ConfigMap".equals(d.get("kind"))) {
                    provided.add((String) at(d, "metadata", "name"));
                }
                if ("ExternalSecret".equals(d.get("kind"))) {
                    provided.add((String) at(d, "spec", "target", "name"));
                }
            }
            for (Map<String, Object> workload : workloads(docs)) {
                for (Map<String, Object> container : (List<Map<String, Object>>) at(workload, "spec", "template", "spec", "containers")) {
                    for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
                        Map<String, Object> ref = (Map<String, Object>) (from.containsKey("secretRef") ? from.get("secretRef") : from.get("configMapRef"));
                        assertThat(provided).as(overlay + ": " + at(workload, "metadata", "name") + " reads " + ref.get("name")).contains((String) ref.get("name"));
                    }
                }
            }
            assertThat(docs).as(overlay + ": Kafka, MongoDB and Redis").anyMatch(d -> "Kafka".equals(d.get("kind")))
                    .anyMatch(d -> "MongoDBCommunity".equals(d.get("kind"))).anyMatch(d -> "redis".equals(at(d, "metadata", "name")));
            Set<String> topics = new TreeSet<>();
            docs.stream().filter(d -> "KafkaTopic".equals(d.get("kind"))).forEach(d -> topics.add((String) at(d, "metadata", "name")));
            assertThat(topics).contains("practice-events", "experiment-events", "socialmap-events", "practice-events.experiment-service.dlt",
                    "practice-events.notification-service.dlt", "experiment-events.notification-service.dlt",
                    "socialmap-events.notification-service.dlt", "socialmap-events.socialmap-service.dlt");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_workload_has_limits_probes_restricted_security_and_graceful_shutdown_and_staging_and_production_add_ha_policies_and_monitoring()
            throws Exception {
        for (String overlay : OVERLAYS) {
            List<Map<String, Object>> docs = kustomize(overlay);
            for (Map<String, Object> workload : workloads(docs)) {
                String name = overlay + ": " + at(workload, "metadata", "name");
                Map<String, Object> pod = at(workload, "spec", "template", "spec");
                assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).as(name + " non-root").isEqualTo(true);
                assertThat((Object) at(pod, "securityContext", "seccompProfile", "type")).as(name + " seccomp").isEqualTo("RuntimeDefault");
                for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
                    assertThat((Object) at(container, "resources", "limits", "memory")).as(name + " memory limit").isNotNull();
                    assertThat((Object) at(container, "resources", "requests", "cpu")).as(name + " cpu request").isNotNull();
                    assertThat(container).as(name + " probes").containsKeys("livenessProbe", "readinessProbe");
                    assertThat((Object) at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
                    assertThat((Object) at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
                }
                if (SERVICES.contains((String) at(workload, "metadata", "name"))) {
                    assertThat(((List<Map<String, Object>>) pod.get("containers")).getFirst()).as(name + " startup probe").containsKey("startupProbe");
                    // Spring drains for up to 20 s per phase after a 5 s preStop: the grace period must cover both.
                    assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name + " grace period").isGreaterThan(25);
                }
            }
            if (overlay.endsWith("local")) {
                continue;
            }
            for (String service : SERVICES) {
                assertThat(docs).as(overlay + ": PDB for " + service).anyMatch(d -> "PodDisruptionBudget".equals(d.get("kind")) && service.equals(at(d, "metadata", "name")));
                assertThat(docs).as(overlay + ": HPA for " + service).anyMatch(d -> "HorizontalPodAutoscaler".equals(d.get("kind")) && service.equals(at(d, "metadata", "name")));
                assertThat(docs).as(overlay + ": NetworkPolicy for " + service).anyMatch(d -> "NetworkPolicy".equals(d.get("kind"))
                        && service.equals(at(d, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")));
                Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind")) && service.equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
                assertThat((Map<String, Object>) deployment.get("spec")).as(overlay + ": the HPA, not a fixed count, sets " + service + "'s replicas").doesNotContainKey("replicas");
                assertThat((Object) at(deployment, "spec", "template", "spec", "topologySpreadConstraints")).as(overlay + " spread").isNotNull();
            }
            assertThat(docs).as(overlay + ": default deny").anyMatch(d -> "default-deny".equals(at(d, "metadata", "name")));
            assertThat(docs).as(overlay + ": monitoring").anyMatch(d -> "PodMonitor".equals(d.get("kind"))).anyMatch(d -> "PrometheusRule".equals(d.get("kind")))
                    .anyMatch(d -> "ConfigMap".equals(d.get("kind")) && "1".equals(at(d, "metadata", "labels", "grafana_dashboard")));
            assertThat(docs).as(overlay + ": no Secret values in git").noneMatch(d -> "Secret".equals(d.get("kind")));
        }
    }

    @Test
    void every_rendered_object_of_every_overlay_matches_the_kubernetes_and_crd_schemas_with_no_unknown_fields() throws Exception {
        for (String overlay : OVERLAYS) {
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> doc : kustomize(overlay)) {
                ManifestSchemas.problems(doc).forEach(p -> problems.add(overlay + " " + at(doc, "metadata", "name") + ": " + p));
            }
            assertThat(problems).isEmpty();
        }
        // The check itself: a misspelt field is caught.
        Map<String, Object> wrong = new Yaml().load("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: x}
                spec: {maxUnavailabel: 1}
                """);
        assertThat(ManifestSchemas.problems(wrong)).singleElement().asString().contains("maxUnavailabel");
        Map<String, Object> deep = new Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - {name: x, image: x, imagePullPolcy: Always, lifecycle: {preStop: {sleep: {seconds: 5}}}}
                """);
        assertThat(ManifestSchemas.problems(deep)).singleElement().asString().contains("imagePullPolcy");
        Map<String, Object> kafka = new Yaml().load("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: x}
                spec: {kafka: {listners: []}}
                """);
        assertThat(ManifestSchemas.problems(kafka)).anySatisfy(p -> assertThat(p).contains("listners"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> workloads(List<Map<String, Object>> docs) {
        return docs.stream().filter(d -> List.of("Deployment", "StatefulSet").contains(d.get("kind"))).toList();
    }

    @Test
    void compose_runs_real_kafka_and_a_mongo_replica_set_with_the_same_settings() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsKeys("mongo", "kafka", "redis", "identity-service", "practice-service", "experiment-service", "socialmap-service", "notification-service", "mailpit", "gateway");
        Map<String, Object> gatewayEnv = at(services, "gateway", "environment");
        assertThat(gatewayEnv).containsEntry("PLATFORM_RATE_LIMIT_STORE", "redis");
        assertThat((String) at(services, "kafka", "image")).startsWith("apache/kafka:");
        assertThat((List<String>) at(services, "mongo", "command")).contains("--replSet");
        Map<String, Object> practiceEnv = at(services, "practice-service", "environment");
        assertThat((String) practiceEnv.get("SPRING_MONGODB_URI")).contains("replicaSet=rs0");
        assertThat(practiceEnv).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat((Map<String, Object>) at(services, "gateway", "environment")).containsKey("PLATFORM_SERVICES_PRACTICE");
        for (String service : SERVICES) {
            assertThat((String) at(services, service, "build", "args", "MODULE")).isEqualTo(service);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_prometheus_alertmanager_and_grafana_with_the_repository_s_rules_and_dashboards() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = at(compose, "services");
        assertThat((List<String>) at(services, "prometheus", "volumes"))
                .contains("./monitoring/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", "./monitoring/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat((List<String>) at(services, "grafana", "volumes"))
                .contains("./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro", "./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat((List<String>) at(services, "alertmanager", "volumes")).contains("./monitoring/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat((List<String>) at(services, "grafana", "ports")).contains("3000:3000");
            // Prometheus scrapes every service of the compose file, on the port it listens on there.
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("monitoring/prometheus/prometheus.yml")));
        List<Map<String, Object>> scrapes = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) scrapes.getFirst().get("static_configs")).getFirst().get("targets");
        assertThat(scrapes.getFirst().get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets).hasSize(SERVICES.size());
        for (String target : targets) {
            String service = target.substring(0, target.indexOf(':'));
            assertThat(services).as(target).containsKey(service);
            Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml")));
            assertThat(String.valueOf((Object) at(config, "server", "port"))).as(service + "'s port").isEqualTo(target.substring(target.indexOf(':') + 1));
        }
    }
}
