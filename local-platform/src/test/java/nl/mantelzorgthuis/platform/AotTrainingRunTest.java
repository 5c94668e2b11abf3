package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/platform's training run, as it runs there: the whole platform started once with data of its own
 * and stopped, after which every service has a cache the next start reads, and the training data is gone;
 * caches an unfinished training run left are trained again.
 */
class AotTrainingRunTest {

    @Test
    void the_training_run_leaves_a_cache_for_every_service_and_no_data(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        // The tests' platforms run without caches (pom); this one trains them, as bin/platform's does.
        PlatformConfig config = PlatformConfig.fromEnvironment().onFreePorts(data, true).withAotCache(true);
        // As an earlier training run stopped part-way leaves things: its data, and caches written by the JVMs it had started.
        Files.createDirectories(config.forAotTraining().dataDir().resolve("mongo"));
        List<String> partlyTrained = LocalPlatform.SERVICES.subList(0, 3);
        for (String service : partlyTrained) {
            AotCache.prepare(service, config.jar(service), config.aotDir(), config.serviceJvmOptions(), true);
            Files.writeString(config.aotDir().resolve(service).resolve(service + ".aot"), "written as an unfinished run stopped");
        }

        assertThat(LocalPlatform.trainAotCaches(config)).isTrue();

        for (String service : LocalPlatform.SERVICES) {
            // A JVM's cache is tens of megabytes; the unfinished run's stand-ins are a line.
            assertThat(Files.size(config.aotDir().resolve(service).resolve(service + ".aot"))).as(service).isGreaterThan(1_000_000);
            assertThat(AotCache.prepare(service, config.jar(service), config.aotDir(), config.serviceJvmOptions(), true).trained())
                    .as(service).isTrue();
        }
        assertThat(config.forAotTraining().dataDir()).doesNotExist();
        // The platform's own data is the first start's to make: no store, no demo data markers yet.
        assertThat(data.resolve("mongo")).doesNotExist();
        assertThat(data.resolve("demo-data-loaded")).doesNotExist();
    }
}
