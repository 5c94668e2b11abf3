package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    static List<Map<String, Object>> kustomize() throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("k8s/base").toString()).redirectErrorStream(false).start();
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
        assertThat(docs.stream().filter(d -> "Secret".equals(d.get("kind"))).map(d -> ((Map<String, Object>) at(d, "data")).keySet()))
                .anySatisfy(keys -> assertThat(keys).contains("SPRING_MONGODB_URI"))
                .anySatisfy(keys -> assertThat(keys).contains("IDENTITY_PORTAL_CLIENT_SECRET"));
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
}
