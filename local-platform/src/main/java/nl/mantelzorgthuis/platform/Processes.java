package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' process ids of the data folder, so a launcher that was killed (kill -9, a closed
 * terminal) leaves nothing that blocks the next start: the next start stops what is still running
 * from that list, if it is still one of our service jars (a recycled pid is left alone).
 */
final class Processes {

    private static final Logger log = LoggerFactory.getLogger(Processes.class);

    private Processes() {
    }

    static void record(Path file, List<Long> pids) {
        try {
            Files.writeString(file, String.join("\n", pids.stream().map(String::valueOf).toList()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stopStale(Path file, List<String> jarNames) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(line.trim()));
            if (handle.isEmpty() || !handle.get().isAlive()) {
                continue;
            }
            String commandLine = handle.get().info().commandLine().orElse("");
            if (jarNames.stream().noneMatch(commandLine::contains)) {
                continue;
            }
            log.warn("Stopping {} left running by an earlier launcher of this data folder (pid {})",
                    jarNames.stream().filter(commandLine::contains).findFirst().orElse("a service"), handle.get().pid());
            handle.get().destroy();
            try {
                if (!handle.get().onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS).isAlive()) {
                    continue;
                }
            } catch (Exception e) {
                // still running after the grace period
            }
            handle.get().destroyForcibly();
        }
        Files.delete(file);
    }
}
