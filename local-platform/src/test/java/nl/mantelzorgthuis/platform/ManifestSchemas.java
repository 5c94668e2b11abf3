package nl.mantelzorgthuis.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rendered manifests read into the Kubernetes API's own models (fabric8, and Strimzi's for its CRDs):
 * a wrong type fails to deserialize, and a field the API does not have lands in a model's
 * additionalProperties, which is reported as unknown. The models keep unknown fields rather than
 * refusing them, hence the walk.
 */
final class ManifestSchemas {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class));

    /** Kinds without a Java model on Maven Central: checked for their required fields by the descriptor tests only. */
    static final Set<String> UNMODELLED = Set.of("external-secrets.io/v1/ExternalSecret", "mongodbcommunity.mongodb.com/v1/MongoDBCommunity");

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ManifestSchemas() {
    }

    static String key(Map<String, Object> doc) {
        return doc.get("apiVersion") + "/" + doc.get("kind");
    }

    /** What is wrong with this object against its model: empty when it matches. */
    static List<String> problems(Map<String, Object> doc) {
        Class<?> model = MODELS.get(key(doc));
        if (model == null) {
            return UNMODELLED.contains(key(doc)) ? List.of() : List.of("no model for " + key(doc));
        }
        Object parsed;
        try {
            parsed = JSON.convertValue(doc, model);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        walk(parsed, key(doc), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": unknown fields " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), unknown, seen);
        }
    }
}
