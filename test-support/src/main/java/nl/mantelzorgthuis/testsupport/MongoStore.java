package nl.mantelzorgthuis.testsupport;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB wire-compatible stand-in (mongo-java-server). In memory for tests; with the H2 file
 * backend for the local platform, so data survives a restart. Only one process may open the H2 file,
 * which is why the launcher runs this one server and every service reaches it over TCP.
 */
public final class MongoStore implements AutoCloseable {

    private final MongoServer server;
    private final int requestedPort;
    private InetSocketAddress address;

    private MongoStore(MongoServer server, int port) {
        this.server = server;
        this.requestedPort = port;
    }

    public static MongoStore inMemory() {
        return new MongoStore(new MongoServer(new MemoryBackend()), 0);
    }

    public static MongoStore persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new MongoStore(new MongoServer(DurableH2Backend.open(file.toAbsolutePath().toString())), port);
    }

    public synchronized MongoStore start() {
        if (address == null) {
            address = requestedPort == 0 ? server.bind() : bind(requestedPort);
        }
        return this;
    }

    private InetSocketAddress bind(int port) {
        server.bind("localhost", port);
        return server.getLocalAddress();
    }

    public String uri(String database) {
        start();
        return "mongodb://localhost:" + address.getPort() + "/" + database;
    }

    @Override
    public synchronized void close() {
        // shutdownNow: a graceful shutdown waits for idle client connections that may never close.
        server.shutdownNow();
        address = null;
    }
}
