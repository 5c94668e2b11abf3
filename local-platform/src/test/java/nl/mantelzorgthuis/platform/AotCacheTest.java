package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's jar is extracted once for its AOT cache; the first run trains it, later runs use it, a jar with new content starts over. */
class AotCacheTest {

    @Test
    void trains_then_uses_the_cache_and_starts_over_when_the_jar_changes(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path jar = data.resolve("identity-service.jar");
        Path aot = data.resolve("aot");
        Files.copy(PlatformConfig.fromEnvironment().jar("identity-service"), jar);

        AotCache.Launch first = AotCache.prepare("identity-service", jar, aot, "-Xmx256m", true);
        assertThat(first.jar()).isRegularFile().hasFileName("identity-service.jar").isNotEqualTo(jar);
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        assertThat(first.options()).anySatisfy(o -> assertThat(o).startsWith("-XX:AOTCacheOutput="));
        assertThat(first.trained()).isFalse();

        Path cache = data.resolve("aot/identity-service/identity-service.aot");
        Files.writeString(cache, "as the JVM would have written it at exit");
        AotCache.Launch second = AotCache.prepare("identity-service", jar, aot, "-Xmx256m", true);
        assertThat(second.options()).contains("-XX:AOTCache=" + cache);
        assertThat(second.trained()).isTrue();

        // Rebuilt with the same content (bin/platform builds every time; the builds are reproducible): kept.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(AotCache.prepare("identity-service", jar, aot, "-Xmx256m", true).trained()).isTrue();

        // Rebuilt with other content: starts over.
        Files.copy(PlatformConfig.fromEnvironment().jar("practice-service"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AotCache.Launch rebuilt = AotCache.prepare("identity-service", jar, aot, "-Xmx256m", true);
        assertThat(cache).doesNotExist();
        assertThat(rebuilt.trained()).isFalse();
        assertThat(AotCache.prepare("identity-service", jar, aot, "-Xmx192m", true).trained()).isFalse();

        assertThat(AotCache.prepare("identity-service", jar, aot, "-Xmx256m", false).jar()).isEqualTo(jar);
    }

    @Test
    void a_cache_the_jvm_refused_is_deleted_and_trained_again(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path jar = data.resolve("practice-service.jar");
        Path aot = data.resolve("aot");
        Files.copy(PlatformConfig.fromEnvironment().jar("practice-service"), jar);
        AotCache.prepare("practice-service", jar, aot, "-Xmx256m", true);
        Path cache = data.resolve("aot/practice-service/practice-service.aot");
        Files.writeString(cache, "as the JVM would have written it at exit");

        AotCache.Launch used = AotCache.prepare("practice-service", jar, aot, "-Xmx256m", true);
        Files.writeString(used.log(), "[0.012s][warning][aot] a warning only\n");
        assertThat(AotCache.discardIfRefused(used)).isFalse();
        assertThat(cache).exists();

        // What JDK 25 writes when the class path differs from the training run's.
        Files.writeString(used.log(), "[1.528s][error  ][aot] shared class paths mismatch\n[1.572s][error  ][aot] Unable to map shared spaces\n");
        assertThat(AotCache.discardIfRefused(used)).isTrue();
        assertThat(cache).doesNotExist();
        assertThat(AotCache.prepare("practice-service", jar, aot, "-Xmx256m", true).trained()).isFalse();
    }

    @Test
    void the_training_run_uses_data_of_its_own_and_the_caches_of_the_platform(@TempDir Path data) {
        PlatformConfig platform = PlatformConfig.fromEnvironment().onFreePorts(data, true);
        PlatformConfig training = platform.forAotTraining();
        assertThat(training.aotDir()).isEqualTo(platform.aotDir());
        assertThat(training.dataDir()).isNotEqualTo(platform.dataDir());
        assertThat(training.dataDir().startsWith(platform.aotDir())).isFalse();
        assertThat(training.serviceJvmOptions()).isEqualTo(platform.serviceJvmOptions());
        assertThat(training.gatewayPort()).isEqualTo(platform.gatewayPort());
    }

    @Test
    void no_training_run_when_every_cache_is_trained(@TempDir Path data) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        PlatformConfig config = PlatformConfig.fromEnvironment().onFreePorts(data, true).withAotCache(true);
        for (String service : LocalPlatform.SERVICES) {
            AotCache.prepare(service, config.jar(service), config.aotDir(), config.serviceJvmOptions(), true);
            Files.writeString(config.aotDir().resolve(service).resolve(service + ".aot"), "as the JVM would have written it at exit");
        }

        assertThat(LocalPlatform.trainAotCaches(config)).isTrue();
        // A training run would have started the store in its own data directory.
        assertThat(config.forAotTraining().dataDir()).doesNotExist();
        for (String service : LocalPlatform.SERVICES) {
            assertThat(config.aotDir().resolve(service).resolve(service + ".aot")).hasContent("as the JVM would have written it at exit");
        }
    }
}
