package nl.mantelzorgthuis.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time to first result of the public search (bench/portal.sh, -Dbench=true): a typical search
 * (words + place) loaded {@code bench.loads} times in headless chromium against the local platform,
 * each with an empty browser cache, as a first-time visitor. Time from navigation start to the
 * portal's "mz:eerste-resultaat" mark; prints median and p95 and what the first load transferred.
 * Asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@ExtendWith(RunningPlatform.class)
class PortalBenchmark {

    @Test
    void time_to_first_result_of_a_typical_search(LocalPlatform platform) throws Exception {
        int loads = Integer.getInteger("bench.loads", 50);
        String url = platform.gatewayUrl() + "/sociale-kaart?q=respijtzorg&near=Zwolle&radiusKm=25";
        ChromeDriver browser = HeadlessChromium.start();
        try {
            List<Double> times = new ArrayList<>();
            long scriptBytes = 0;
            long styleBytes = 0;
            for (int i = -5; i < loads; i++) { // five warm-up loads (JIT of the services), not counted
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.get(url);
                new WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
                        .executeScript("return performance.getEntriesByName('mz:eerste-resultaat').length") instanceof Long n && n > 0);
                Number at = (Number) browser.executeScript("return performance.getEntriesByName('mz:eerste-resultaat')[0].startTime");
                if (i >= 0) {
                    times.add(at.doubleValue());
                }
                if (i == 0) {
                    scriptBytes = ((Number) browser.executeScript("return performance.getEntriesByType('resource')"
                            + ".filter(r => r.name.endsWith('.js')).reduce((s, r) => s + r.transferSize, 0)")).longValue();
                    styleBytes = ((Number) browser.executeScript("return performance.getEntriesByType('resource')"
                            + ".filter(r => r.name.endsWith('.css')).reduce((s, r) => s + r.transferSize, 0)")).longValue();
                }
            }
            Collections.sort(times);
            System.out.printf("time to first result (%d cold loads): median %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n", loads,
                    times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1), times.getFirst(), times.getLast());
            System.out.printf("first load transferred: scripts %d kB, styles %d kB (as sent by the gateway)%n",
                    scriptBytes / 1024, styleBytes / 1024);
            Files.writeString(Path.of("target", "portal-benchmark.txt"), times.toString());
        } finally {
            browser.quit();
        }
    }
}
