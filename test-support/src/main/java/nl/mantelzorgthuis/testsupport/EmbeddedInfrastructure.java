package nl.mantelzorgthuis.testsupport;

/** A real KRaft broker in this JVM plus the in-memory Mongo wire-compatible store. */
final class EmbeddedInfrastructure implements Infrastructure {

    private static EmbeddedInfrastructure shared;

    private final KafkaBroker kafka;
    private final MongoStore mongo;

    private EmbeddedInfrastructure() {
        this.kafka = KafkaBroker.temporary().start();
        this.mongo = MongoStore.inMemory().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            kafka.deleteLogs();
        }, "embedded-infrastructure-stop"));
    }

    static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            shared = new EmbeddedInfrastructure();
        }
        return shared;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }
}
