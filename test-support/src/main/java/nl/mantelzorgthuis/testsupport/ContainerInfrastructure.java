package nl.mantelzorgthuis.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB (a single-node replica set) and Apache Kafka images, for the same tests where a Docker
 * engine exists. Test classes using it carry {@code @Testcontainers(disabledWithoutDocker = true)} so
 * they are skipped, not failed, on machines without Docker.
 */
public final class ContainerInfrastructure implements Infrastructure {

    public static final String MONGO_IMAGE = "mongo:8.0";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static ContainerInfrastructure shared;

    private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

    private ContainerInfrastructure() {
        mongo.start();
        kafka.start();
    }

    public static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = new ContainerInfrastructure();
        }
        return shared;
    }

    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    // Pausing keeps the mapped port, so the client sees an outage and then the same broker back.
    @Override
    public void stopKafka() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
    }
}
