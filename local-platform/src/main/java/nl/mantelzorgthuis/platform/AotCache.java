package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.mantelzorgthuis.testsupport.SpringAotGenerated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDK 25's ahead-of-time cache (JEP 483, 514, 515) for a service of the local platform: the classes
 * a service loads and links at start, with method profiles, read from a file instead of being found,
 * parsed and verified again. The cache needs the application as plain jars on the class path, so
 * the service's jar is extracted once (Spring Boot's {@code -Djarmode=tools extract}); the first run
 * trains the cache, which the JVM writes when the service stops, and every later start uses it. A
 * rebuilt jar, other JVM options or another JDK start over. On JDK 21 the jar runs as it is.
 */
final class AotCache {

    private static final Logger log = LoggerFactory.getLogger(AotCache.class);

    /** The jar to run, the options that use (or train) its cache, and where the JVM says what it did with it. */
    record Launch(Path jar, List<String> options, boolean trained, Path cache, Path log) {
    }

    private AotCache() {
    }

    /** {@code aotDir} holds a directory per service (normally {@code data/aot}). */
    static Launch prepare(String name, Path jar, Path aotDir, String jvmOptions, boolean enabled) throws IOException {
        if (!enabled) {
            return new Launch(jar, List.of(), false, null, null);
        }
        Path dir = aotDir.resolve(name);
        String stamp = contentStamp(jar) + " " + jvmOptions + " " + Runtime.version();
        Path stampFile = dir.resolve("stamp");
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp) || !Files.exists(extracted)) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            extract(jar, dir.resolve("app"), dir.resolve("extract.log"));
            Files.writeString(stampFile, stamp);
        }
        Path cache = dir.resolve(name + ".aot");
        List<String> options = new ArrayList<>();
        boolean trained = Files.exists(cache);
        options.add(trained ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache);
        // A cache that no longer fits (say a JVM flag changed by hand) is skipped with a warning, never an error.
        options.add("-Xlog:aot=warning,cds=warning:file=" + dir.resolve("aot.log"));
        return new Launch(extracted, options, trained, cache, dir.resolve("aot.log"));
    }

    /**
     * Whether the JVM refused a trained cache (it then starts without one, as slowly as before): say a
     * data directory moved, whose cache names the old class path. The refused cache is deleted, so the
     * next start trains a new one. Asked once the service is up, when the JVM has written its log.
     */
    static boolean discardIfRefused(Launch launch) {
        if (!launch.trained() || launch.log() == null || !Files.exists(launch.log())) {
            return false;
        }
        try (Stream<String> lines = Files.lines(launch.log())) {
            if (lines.noneMatch(line -> line.contains("[error") && line.contains("[aot"))) {
                return false;
            }
            log.warn("The JVM could not use the AOT cache {} (see {}); it is trained again on the next start", launch.cache(),
                    launch.log());
            Files.deleteIfExists(launch.cache());
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Could not read {}: {}", launch.log(), e.toString());
            return false;
        }
    }

    /**
     * What the jar holds (every entry's name, CRC and size, read from its central directory), not when
     * it was written: {@code bin/platform} rebuilds every jar, and with reproducible builds (root pom)
     * an unchanged service keeps its cache. What Spring AOT generates (CGLIB proxies, bean
     * registrations) is left out: its bytes differ from build to build for the same sources, from which
     * the rest of the jar already tells a change.
     */
    static String contentStamp(Path jar) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry entry : zip.stream().filter(e -> !SpringAotGenerated.is(e.getName()))
                    .sorted(Comparator.comparing(java.util.zip.ZipEntry::getName)).toList()) {
                digest.update((entry.getName() + " " + entry.getCrc() + " " + entry.getSize() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void extract(Path jar, Path destination, Path logFile) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                destination.toString()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Could not extract " + jar + " for its AOT cache; see " + logFile);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
        log.debug("Extracted {} to {}", jar, destination);
    }
}
