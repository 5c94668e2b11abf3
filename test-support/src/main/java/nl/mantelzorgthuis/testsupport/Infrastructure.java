package nl.mantelzorgthuis.testsupport;

/**
 * The infrastructure a service test runs against: a real Kafka broker and a MongoDB-compatible store.
 * Tests are written once against this shape; {@link #embedded()} runs everywhere (here: no Docker),
 * {@link ContainerInfrastructure} runs the same tests against real MongoDB and Kafka images where a
 * Docker engine exists.
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String mongoUri(String database);

    /** Makes the broker unreachable at its address, as an outage would. */
    void stopKafka();

    /** Brings the broker back at the same address. */
    void startKafka();

    /** One shared embedded set per test JVM: starting a broker costs seconds, tests use own databases. */
    static Infrastructure embedded() {
        return EmbeddedInfrastructure.shared();
    }
}
