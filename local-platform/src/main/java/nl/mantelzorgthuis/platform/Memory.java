package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from /proc on Linux; 0 where that is not available. */
final class Memory {

    private Memory() {
    }

    static long rssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
