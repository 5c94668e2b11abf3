package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/platform's training run, as it runs there: the whole platform started once with data of its own
 * and stopped, after which every service has a cache the next start reads, and the training data is gone.
 */
class AotTrainingRunTest {

    @Test
    void the_training_run_leaves_a_cache_for_every_service_and_no_data(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        // The tests' platforms run without caches (pom); this one trains them, as bin/platform's does.
        PlatformConfig config = PlatformConfig.fromEnvironment().onFreePorts(data, true).withAotCache(true);
        assertThat(LocalPlatform.trainAotCaches(config)).isTrue();

        for (String service : LocalPlatform.SERVICES) {
            assertThat(config.aotDir().resolve(service).resolve(service + ".aot")).isNotEmptyFile();
            assertThat(AotCache.prepare(service, config.jar(service), config.aotDir(), config.serviceJvmOptions(), true).trained())
                    .as(service).isTrue();
        }
        assertThat(config.forAotTraining().dataDir()).doesNotExist();
        // The platform's own data is the first start's to make: no store, no demo data markers yet.
        assertThat(data.resolve("mongo")).doesNotExist();
        assertThat(data.resolve("demo-data-loaded")).doesNotExist();
    }
}
