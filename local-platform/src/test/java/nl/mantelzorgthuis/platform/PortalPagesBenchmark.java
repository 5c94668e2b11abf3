package nl.mantelzorgthuis.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff portal's pages under 20 people at once (bench/portal-pages.sh, -Dbench=true): 20 staff
 * accounts are invited and activated through Beheer's API, each logs in once in headless chromium
 * (a real gateway session), then 20 virtual users replay the API calls each page makes, in parallel
 * as the browser does, with a think time between pages ({@code bench.thinkMs}, 1 s: people read).
 * A page's time is until its last call has answered. Prints p50/p95/p99 per page and over all, and
 * every non-2xx answer. Asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@ExtendWith(RunningPlatform.class)
class PortalPagesBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int USERS = Integer.getInteger("bench.users", 20);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 15));
    static final long THINK_MS = Long.getLong("bench.thinkMs", 1000);

    record Page(String name, List<String> calls) {
    }

    @Test
    void every_page_s_data_through_the_gateway_at_20_concurrent_users(LocalPlatform platform) throws Exception {
        String gateway = platform.gatewayUrl();
        ChromeDriver browser = HeadlessChromium.start();
        List<String> sessions = new ArrayList<>();
        List<Page> pages;
        try {
            logIn(browser, gateway, PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
            String suffix = Long.toString(System.currentTimeMillis(), 36);
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String email = "bench-" + suffix + "-" + i + "@zwolledoet.nl";
                String invited = (String) fetch(browser, "POST", "/api/v1/users", """
                        {"email":"%s","name":"Bench %d","organisation":"Zwolle Doet!","roles":["ORGANISATION_STAFF"]}""".formatted(email, i));
                String token = JSON.readTree(invited).get("activationUrl").asString().replaceAll(".*/activeren/", "");
                HttpResponse<String> activated = plain.send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/api/v1/activations/" + token))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"bench-wachtwoord-" + i + "\"}"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (activated.statusCode() != 204) {
                    throw new IllegalStateException("activation refused: " + activated.body());
                }
                emails.add(email);
            }
            pages = pages(JSON.readTree((String) fetch(browser, "GET", "/api/v1/practices?q=Zwolle&pageSize=50", null)), browser);
            for (int i = 0; i < USERS; i++) {
                browser.manage().deleteAllCookies();
                browser.get(platform.issuer() + "/login");
                browser.manage().deleteAllCookies();
                logIn(browser, gateway, emails.get(i), "bench-wachtwoord-" + i);
                sessions.add(browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
        } finally {
            browser.quit();
        }

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).version(HttpClient.Version.HTTP_1_1).build();
        Map<String, ConcurrentLinkedQueue<Double>> times = new LinkedHashMap<>();
        pages.forEach(p -> times.put(p.name(), new ConcurrentLinkedQueue<>()));
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Double>> callTimes = new ConcurrentHashMap<>();
        long warmUpUntil = System.nanoTime() + WARM_UP.toNanos();
        long until = warmUpUntil + RUN.toNanos();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < USERS; u++) {
                String cookies = sessions.get(u);
                int first = u;
                users.submit(() -> {
                    for (int n = first; System.nanoTime() < until; n++) {
                        Page page = pages.get(n % pages.size());
                        long start = System.nanoTime();
                        boolean measured = start > warmUpUntil;
                        List<CompletableFuture<HttpResponse<Void>>> calls = page.calls().stream().map(path -> client.sendAsync(
                                HttpRequest.newBuilder(URI.create(gateway + path)).header("Cookie", cookies).header("Accept", "application/json")
                                        .header("Accept-Language", "nl").timeout(Duration.ofSeconds(10)).GET().build(),
                                HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                                    if (measured) {
                                        callTimes.computeIfAbsent(path.replaceAll("\\?.*", "").replaceAll("/[0-9a-f-]{20,}", "/{id}"),
                                                k -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1e6);
                                    }
                                })).toList();
                        for (int i = 0; i < calls.size(); i++) {
                            try {
                                int status = calls.get(i).join().statusCode();
                                if (status / 100 != 2) {
                                    refusals.computeIfAbsent(status + " " + page.calls().get(i).replaceAll("\\?.*", ""), k -> new AtomicInteger()).incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                refusals.computeIfAbsent(e.getClass().getSimpleName() + " " + page.name(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                        if (start > warmUpUntil) {
                            times.get(page.name()).add((System.nanoTime() - start) / 1e6);
                        }
                        try {
                            Thread.sleep(THINK_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
        }
        List<Double> all = new ArrayList<>();
        System.out.printf("staff portal pages, %d users, think time %d ms, %d s measured after %d s warm-up%n", USERS, THINK_MS,
                RUN.toSeconds(), WARM_UP.toSeconds());
        for (var entry : times.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            all.addAll(sorted);
            System.out.println("page " + summary(entry.getKey(), sorted));
        }
        System.out.println("all pages " + summary("", all));
        callTimes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("call " + summary(e.getKey(), new ArrayList<>(e.getValue()))));
        System.out.println("non-2xx answers: " + (refusals.isEmpty() ? "none" : refusals));
    }

    static String summary(String name, List<Double> sorted) {
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return name + ": no samples";
        }
        return String.format("%s: %d loads, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", name, sorted.size(), at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.getLast()).trim();
    }

    static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1));
    }

    /** Each page's calls, as its components make them (see portal/src/portaal), with the demo's Zwolle practice. */
    static List<Page> pages(JsonNode zwolle, ChromeDriver browser) throws Exception {
        JsonNode practice = null;
        for (JsonNode p : zwolle.get("items")) {
            if (p.get("name").asString().equals("Praktijkversneller Zwolle")) {
                practice = p;
            }
        }
        String practiceId = practice.get("id").asString();
        JsonNode experiments = JSON.readTree((String) fetch(browser, "GET", "/api/v1/practices/" + practiceId + "/experiments?pageSize=100", null));
        String experimentId = null;
        for (JsonNode e : experiments.get("items")) {
            if (e.get("title").asString().startsWith("Klantreis")) {
                experimentId = e.get("id").asString();
            }
        }
        JsonNode experiment = JSON.readTree((String) fetch(browser, "GET", "/api/v1/experiments/" + experimentId, null));
        String measureId = experiment.get("measures").get(0).get("id").asString();
        String org = URLEncoder.encode("Zwolle Doet!", StandardCharsets.UTF_8);
        String unread = "/api/v1/notifications/inbox/unread-count";
        return List.of(
                new Page("Mijn overzicht", List.of("/portal/me", unread, "/api/v1/practices?organisation=" + org + "&pageSize=50",
                        "/api/v1/notifications/inbox?page=1&pageSize=20", "/api/v1/socialmap/services/unverified?organization=" + org + "&pageSize=100")),
                new Page("Praktijken", List.of(unread, "/api/v1/practices?pageSize=50")),
                new Page("Praktijk", List.of(unread, "/api/v1/practices/" + practiceId, "/api/v1/practices/" + practiceId + "/experiments?pageSize=100",
                        "/api/v1/notifications/follows")),
                new Page("Experiment", List.of(unread, "/api/v1/experiments/" + experimentId, "/api/v1/notifications/follows",
                        "/api/v1/experiments/" + experimentId + "/measures/" + measureId + "/run-chart")),
                new Page("Sociale kaart beheren", List.of(unread, "/api/v1/socialmap/services?organization=" + org + "&pageSize=200",
                        "/api/v1/socialmap/services/unverified?organization=" + org + "&pageSize=100")),
                new Page("Aanbod bewerken", List.of(unread, "/api/v1/socialmap/taxonomy-terms")),
                new Page("Programma", List.of(unread, "/api/v1/experiments/summary?by=outcome", "/api/v1/experiments/summary?by=practice",
                        "/api/v1/practices?pageSize=50", "/api/v1/experiments?pageSize=100")),
                new Page("Inbox", List.of(unread, "/api/v1/notifications/inbox?page=1&pageSize=20")),
                new Page("Meldingen", List.of(unread, "/api/v1/notifications/preferences", "/api/v1/notifications/follows")));
    }

    static void logIn(ChromeDriver browser, String gateway, String email, String password) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(gateway + "/portaal");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().startsWith(gateway));
        browser.get(gateway + "/portaal");
        wait.until(d -> !d.findElements(By.linkText("Mijn overzicht")).isEmpty());
    }

    /** A call from the logged-in page, with its session and CSRF token, as the portal makes it. */
    static Object fetch(ChromeDriver browser, String method, String path, String body) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [method, path, body] = [arguments[0], arguments[1], arguments[2]];
                const xsrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
                if (xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf.substring(11));
                fetch(path, { method, headers, body: body ?? undefined })
                  .then(r => r.text().then(t => done(r.ok ? t : 'HTTP ' + r.status + ' ' + t)), e => done('failed ' + e));
                """, method, path, body);
        if (answer instanceof String s && (s.startsWith("HTTP ") || s.startsWith("failed "))) {
            throw new IllegalStateException(method + " " + path + ": " + s);
        }
        return answer;
    }
}
