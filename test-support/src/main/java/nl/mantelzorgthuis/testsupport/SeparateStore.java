package nl.mantelzorgthuis.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The store in a JVM of its own: in memory for benchmarks (as with a real MongoDB, the stored data
 * then lives outside the measured service's heap and garbage collector; with the store in the same
 * JVM, a long run measured the collector walking gigabytes of stored documents), or on an H2 file
 * for a test that kills it. Ends when closed or killed, or with the JVM that started it (its
 * standard input closes).
 */
public final class SeparateStore implements AutoCloseable {

    private final Process process;
    private final String uri;

    private SeparateStore(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /** The in-memory store with these JVM options (say {@code -Xmx10g}) on this JVM's class path. */
    public static SeparateStore inMemory(String jvmOptions) {
        return start(jvmOptions.isBlank() ? List.of() : List.of(jvmOptions.trim().split("\\s+")), List.of());
    }

    /** The local platform's file store on this file and port, as the launcher runs it. */
    public static SeparateStore persistent(Path file, int port) {
        return start(List.of(), List.of(file.toString(), Integer.toString(port)));
    }

    private static SeparateStore start(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SeparateStore.class.getName()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new SeparateStore(process, readyUri(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's address, from the line it prints once it listens; its log lines after that are read and dropped. */
    private static String readyUri(Process store) throws IOException {
        var out = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("READY ")) {
            line = out.readLine();
        }
        if (line == null) {
            store.destroyForcibly();
            throw new IllegalStateException("The separate store ended before it listened");
        }
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ended) {
                // the store is gone; nothing left to read
            }
        });
        return line.substring("READY ".length());
    }

    public String uri(String database) {
        return uri + database;
    }

    public boolean running() {
        return process.isAlive();
    }

    /** SIGKILL at once, as a crash would: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The store process itself: in memory, or on the file and port given; listens, prints its
     * address, and ends when its standard input ends.
     */
    public static void main(String[] args) throws IOException {
        MongoStore store = (args.length == 2 ? MongoStore.persistent(Path.of(args[0]), Integer.parseInt(args[1])) : MongoStore.inMemory()).start();
        System.out.println("READY " + store.uri(""));
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to read; the starting JVM only closes the stream
        }
        store.close();
    }
}
