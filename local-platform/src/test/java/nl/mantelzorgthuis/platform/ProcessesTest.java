package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What a launcher killed with kill -9 left running is stopped by the next start, and nothing else. */
class ProcessesTest {

    @Test
    void the_next_start_stops_services_an_earlier_launcher_left_running_and_leaves_other_processes_alone() throws Exception {
        Process stale = new ProcessBuilder("sh", "-c", "sleep 300", "practice-service.jar").start();
        Process unrelated = new ProcessBuilder("sh", "-c", "sleep 300", "something-else").start();
        try {
            Path file = Files.createTempDirectory("pids").resolve("services.pid");
            Processes.record(file, List.of(stale.pid(), unrelated.pid()));
            Processes.stopStale(file, List.of("practice-service.jar", "gateway.jar"));
            assertThat(stale.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(file).doesNotExist();
        } finally {
            stale.destroyForcibly();
            unrelated.destroyForcibly();
        }
    }
}
