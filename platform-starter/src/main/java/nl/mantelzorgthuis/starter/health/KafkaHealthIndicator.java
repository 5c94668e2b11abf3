package nl.mantelzorgthuis.starter.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Kafka's reachability: Boot has no Kafka health indicator of its own. Every call and the close are bounded. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Duration timeout;
    private final java.util.concurrent.atomic.AtomicInteger reachable = new java.util.concurrent.atomic.AtomicInteger();

    public KafkaHealthIndicator(KafkaProperties properties, Duration timeout) {
        this.timeout = timeout;
        Map<String, Object> config = new HashMap<>(properties.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = AdminClient.create(config);
    }

    /** 1 while the last check reached the broker: for the {@code kafka_reachable} gauge and its alert. */
    public int reachable() {
        return reachable.get();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        reachable.set(0);
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("nodes", nodes);
        reachable.set(1);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
