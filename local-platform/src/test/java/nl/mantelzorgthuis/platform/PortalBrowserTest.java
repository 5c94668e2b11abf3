package nl.mantelzorgthuis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (Debian's headless chromium) against the running local platform: what
 * a caregiver and a staff member do, keyboard-only use, and WCAG 2.1 A/AA by axe-core on every page
 * (0 violations). Every request off this machine is blocked, so no map tiles load. Screenshots go to
 * target/screenshots, and to docs/portal with {@code -Dportal.screenshots=../docs/portal}. Skips
 * itself where no chromium and chromedriver are installed ({@code apt-get install chromium chromium-driver}).
 */
@ExtendWith(RunningPlatform.class)
class PortalBrowserTest {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SHOTS = Path.of(System.getProperty("portal.screenshots", "target/screenshots"));

    static LocalPlatform platform;
    static ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startBrowser(LocalPlatform running) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "no chromium/chromedriver here: apt-get install chromium chromium-driver");
        platform = running;
        browser = HeadlessChromium.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshWindow() {
        browser.manage().window().setSize(new Dimension(1200, 900));
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // React re-renders between finding an element and reading it: read again rather than fail.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String path) {
        browser.get(platform.gatewayUrl() + path);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void accessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<String> violations = results.getViolations().stream().map(PortalBrowserTest::describe).toList();
        assertThat(violations).as("WCAG 2.1 A/AA violations on " + page).isEmpty();
    }

    static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    void screenshot(String name) throws Exception {
        script("window.scrollTo(0, 0)");
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot with this element at the top of the window. */
    void screenshot(String name, By from) throws Exception {
        script("arguments[0].scrollIntoView()", browser.findElement(from));
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    @Test
    void the_start_page_leads_to_the_public_search_and_to_logging_in() throws Exception {
        open("/");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Steun voor mantelzorgers van ouderen");
        assertThat(browser.getTitle()).contains("In voor mantelzorg-thuis");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(browser.findElement(By.linkText("Zoek steun in de buurt")).getAttribute("href")).endsWith("/sociale-kaart");
        assertThat(browser.findElements(By.linkText("Inloggen voor medewerkers"))).isNotEmpty();
        accessible("the start page");
        screenshot("start");
    }

    @Test
    void a_caregiver_finds_respite_care_near_zwolle_by_place_words_and_filters_and_can_share_the_search() throws Exception {
        open("/sociale-kaart");
        visible(By.id(labelTarget("Wat zoekt u?"))).sendKeys("logeeropvang");
        browser.findElement(By.id(labelTarget("Plaats of postcode"))).sendKeys("Zwolle");
        browser.findElement(By.xpath("//button[normalize-space()='Zoeken']")).click();
        wait.until(d -> d.getCurrentUrl().contains("q=logeeropvang") && d.getCurrentUrl().contains("near=Zwolle"));
        wait.until(d -> resultNames().stream().findFirst().orElse("").equals("Logeerhuis Zwolle"));
        assertThat(browser.findElement(By.id("resultaten")).getText()).matches("\\d+ resulta(at|ten)");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Gezocht rond Zwolle (demo-gazetteer");

        // A filter with its count; the URL says it, so the same link gives the same search.
        open("/sociale-kaart?q=respijtzorg&near=Zwolle");
        wait.until(d -> !resultNames().isEmpty());
        int before = resultNames().size();
        WebElement wmo = browser.findElement(By.xpath("//label[starts-with(normalize-space(), 'Gemeente (Wmo)')]"));
        int counted = Integer.parseInt(wmo.getText().replaceAll(".*\\((\\d+)\\).*", "$1"));
        wmo.click();
        wait.until(d -> d.getCurrentUrl().contains("funding=WMO") && resultNames().size() == counted);
        assertThat(counted).isLessThan(before);
        accessible("the search with results and filters");
        screenshot("sociale-kaart");

        String shared = browser.getCurrentUrl();
        browser.manage().deleteAllCookies();
        browser.get(shared);
        wait.until(d -> resultNames().size() == counted);
        assertThat(browser.findElement(By.xpath("//label[starts-with(normalize-space(), 'Gemeente (Wmo)')]/preceding-sibling::input"))
                .isSelected()).isTrue();
    }

    @Test
    void my_location_from_the_browser_searches_around_where_i_am() throws Exception {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"), "origin", platform.gatewayUrl()));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 52.7110, "longitude", 5.7480, "accuracy", 50));
        try {
            open("/sociale-kaart?q=mantelzorgsteunpunt");
            visible(By.xpath("//button[normalize-space()='Mijn locatie gebruiken']")).click();
            wait.until(d -> d.getCurrentUrl().contains("lat=52.711") && d.getCurrentUrl().contains("lon=5.748"));
            wait.until(d -> resultNames().stream().findFirst().orElse("").equals("Mantelzorgsteunpunt Noordoostpolder"));
            assertThat(browser.findElement(By.cssSelector(".mz-hit")).getText()).contains("hiervandaan");
        } finally {
            browser.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        }
    }

    @Test
    void the_map_is_loaded_on_request_beside_the_list_without_tiles_from_outside() throws Exception {
        open("/sociale-kaart?q=respijtzorg&near=Zwolle");
        wait.until(d -> !resultNames().isEmpty());
        long scriptsBefore = (Long) script("return performance.getEntriesByType('resource').filter(r => r.name.includes('ResultMap')).length");
        assertThat(scriptsBefore).as("the map's code is not part of the first load").isZero();
        browser.findElement(By.xpath("//button[normalize-space()='Toon op de kaart']")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-marker-icon")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".leaflet-marker-icon"))).hasSizeGreaterThanOrEqualTo(resultNames().size());
        accessible("the search with the map");
        screenshot("sociale-kaart-kaart");
    }

    @Test
    void an_entry_shows_what_it_offers_who_pays_and_when_it_was_checked_and_prints_without_the_page_around_it() throws Exception {
        open("/sociale-kaart?q=logeeropvang&near=Zwolle");
        wait.until(d -> !resultNames().isEmpty());
        browser.findElement(By.linkText("Logeerhuis Zwolle")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Logeerhuis Zwolle");
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Voor wie", "Kosten en wie betaalt", "Gemeente (Wmo)", "Openingstijden", "vrijdag", "Locaties",
                "Laatst gecontroleerd op");
        assertThat(browser.getTitle()).startsWith("Logeerhuis Zwolle");
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-marker-icon")).isEmpty());
        accessible("an entry's page");
        screenshot("aanbod");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector(".mz-header__nav")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.xpath("//button[normalize-space()='Afdrukken']")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector(".mz-map")).isDisplayed()).as("no map on paper").isFalse();
            assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void noordoostpolder_s_respite_route_shows_numbered_steps_with_who_does_what() throws Exception {
        open("/sociale-kaart/respijtzorg/GM0171");
        wait.until(d -> d.findElements(By.cssSelector(".mz-step")).size() > 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".mz-step h2")).getFirst().getText()).startsWith("Stap 1:");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Wie", "overgenomen van");
        accessible("the respite-care route");
        screenshot("respijtzorg-route");
    }

    @Test
    void keyboard_only_a_caregiver_skips_to_the_content_searches_and_opens_a_result_with_focus_always_visible() throws Exception {
        open("/sociale-kaart");
        visible(By.tagName("h1"));
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Naar de inhoud");
        assertThat(skip.isDisplayed()).as("the skip link shows when it has focus").isTrue();
        assertFocusVisible();
        skip.sendKeys(Keys.ENTER);
        // From the content: the next stops are the search form's fields, in reading order.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement words = browser.switchTo().activeElement();
        assertThat(words.getAttribute("id")).isEqualTo(labelTarget("Wat zoekt u?"));
        assertFocusVisible();
        words.sendKeys("mantelzorgsteunpunt");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement place = browser.switchTo().activeElement();
        assertThat(place.getAttribute("id")).isEqualTo(labelTarget("Plaats of postcode"));
        place.sendKeys("Zwolle", Keys.ENTER);
        wait.until(d -> resultNames().contains("Mantelzorgsteunpunt Zwolle"));
        WebElement link = browser.findElement(By.linkText("Mantelzorgsteunpunt Zwolle"));
        tabTo(link, 40);
        assertThat(browser.switchTo().activeElement()).as("the first result is reachable by Tab").isEqualTo(link);
        assertFocusVisible();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Mantelzorgsteunpunt Zwolle");
        assertThat(browser.switchTo().activeElement().getTagName()).as("focus moves to the new page's content").isEqualTo("main");
    }

    @Test
    void works_on_a_phone_320_pixels_wide_without_sideways_scrolling() throws Exception {
        browser.manage().window().setSize(new Dimension(320, 800));
        for (String path : List.of("/", "/sociale-kaart?q=respijtzorg&near=Zwolle", "/sociale-kaart/respijtzorg/GM0171")) {
            open(path);
            visible(By.tagName("h1"));
            wait.until(d -> !d.findElements(By.cssSelector(".mz-hit, .mz-step, .mz-task")).isEmpty());
            long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("sideways scrolling on " + path).isLessThanOrEqualTo(0);
        }
        open("/sociale-kaart?q=respijtzorg&near=Zwolle");
        wait.until(d -> !resultNames().isEmpty());
        accessible("the search on a phone");
        screenshot("sociale-kaart-telefoon");
    }

    @Test
    void a_demo_account_logs_in_on_the_dutch_login_page_and_sees_its_name() throws Exception {
        open("/");
        browser.findElement(By.linkText("Inloggen voor medewerkers")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Inloggen");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        accessible("the login page");
        screenshot("inloggen");

        browser.findElement(By.id("username")).sendKeys(PlatformConfig.DEMO_COORDINATOR);
        browser.findElement(By.id("password")).sendKeys("niet-het-wachtwoord", Keys.ENTER);
        assertThat(visible(By.id("login-fout")).getText()).contains("Het e-mailadres of het wachtwoord klopt niet");
        accessible("the login page after a refused login");
        screenshot("inloggen-fout");

        browser.findElement(By.id("username")).sendKeys(PlatformConfig.DEMO_COORDINATOR);
        browser.findElement(By.id("password")).sendKeys(PlatformConfig.DEMO_COORDINATOR_PASSWORD, Keys.ENTER);
        WebElement name = visible(By.cssSelector("[data-testid=ingelogd-als]"));
        assertThat(browser.getCurrentUrl()).startsWith(platform.gatewayUrl());
        assertThat(name.getText()).isNotBlank();
        assertThat(browser.findElement(By.tagName("h2")).getText()).startsWith("Welkom, ");
        accessible("the start page, logged in");

        browser.findElement(By.xpath("//button[normalize-space()='Uitloggen']")).click();
        wait.until(d -> !d.findElements(By.linkText("Inloggen voor medewerkers")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("[data-testid=ingelogd-als]"))).isEmpty();
    }

    void logIn(String email, String password) {
        open("/portaal");
        visible(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().startsWith(platform.gatewayUrl()));
    }

    @Test
    void staff_read_their_practices_an_experiment_s_cycles_and_its_run_chart_with_signals_explained_in_dutch() throws Exception {
        logIn(PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        open("/portaal");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Mijn overzicht");
        wait.until(d -> !d.findElements(By.cssSelector(".mz-hit a")).isEmpty());
        accessible("the staff overview");
        screenshot("portaal-overzicht");

        browser.findElement(By.linkText("Praktijken")).click();
        visible(By.xpath("//h1[normalize-space()='Praktijken']"));
        WebElement practice = visible(By.linkText("Praktijkversneller Maasgouw"));
        accessible("the list of practices");
        screenshot("portaal-praktijken");
        practice.click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Praktijkversneller Maasgouw");
        visible(By.linkText("Ambassadeurschap"));
        button("Toon wie wat wijzigde").click();
        WebElement trail = visible(By.xpath("//table[caption[starts-with(normalize-space(), 'Wijzigingen, oudste eerst')]]"));
        wait.until(d -> trail.getText().contains("Aangemaakt"));
        accessible("a practice's page");
        screenshot("portaal-praktijk");
        browser.findElement(By.linkText("Ambassadeurschap")).click();

        // Demo figures: the baseline of 7 weeks is frozen, the weeks after it lie above its median.
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Ambassadeurschap");
        WebElement chart = visible(By.cssSelector("svg.mz-chart__svg"));
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent")).contains("Verwijzingen naar het mantelzorgsteunpunt");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent")).contains("24 metingen", "Hoger is beter");
        assertThat(browser.findElements(By.cssSelector(".mz-chart__signal"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".mz-signals")).getText())
                .contains("metingen op rij boven de mediaan: waarschijnlijk geen toeval. Dat is de goede kant op.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Cyclus 1", "gestart", "Voorspelling", "Meer verwijzingen");
        accessible("an experiment with its run chart");
        screenshot("portaal-experiment", By.xpath("//h2[starts-with(normalize-space(), 'Meting:')]"));

        browser.findElement(By.partialLinkText("Inbox")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Inbox");
        wait.until(d -> d.findElement(By.cssSelector("[role=status]")).getText().endsWith("ongelezen"));
        accessible("the inbox");
    }

    void setDate(By field, String isoDate) {
        script("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                browser.findElement(field), isoDate);
    }

    By field(String label) {
        return By.id(labelTarget(label));
    }

    @Test
    void a_staff_member_creates_an_experiment_records_a_cycle_enters_a_shift_and_a_follower_hears_of_it() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        open("/portaal");
        visible(By.linkText("Praktijkversneller Zwolle")).click();
        visible(By.linkText("Nieuw experiment in deze praktijk")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Nieuw experiment");
        wait.until(d -> !d.findElements(By.xpath("//label[normalize-space()='Zwolle Doet!']")).isEmpty());
        accessible("the new-experiment form");

        browser.findElement(By.xpath("//button[normalize-space()='Experiment aanmaken']")).click();
        assertThat(visible(By.cssSelector(".utrecht-alert")).getText()).contains("Niet alles is goed ingevuld");
        assertThat(browser.findElements(By.cssSelector(".utrecht-form-field-error-message"))).as("reasons next to the fields").isNotEmpty();
        accessible("the new-experiment form with refused fields");
        screenshot("portaal-experiment-maken");

        String title = "Mantelzorgcafé aan huis " + java.util.UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(field("Titel")).sendKeys(title);
        browser.findElement(By.xpath("//label[normalize-space()='Kennis van mantelzorgers']")).click();
        browser.findElement(By.xpath("//label[normalize-space()='Zwolle Doet!']")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Experiment aanmaken']")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(title)
                || !d.findElements(By.xpath("//div[contains(@class, 'utrecht-alert') and not(contains(., 'Niet alles'))]")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(browser.findElement(By.tagName("main")).getText()).isEqualTo(title);
        // Only the moves the service allows from "Idee" are offered.
        assertThat(browser.findElements(By.xpath("//button[starts-with(normalize-space(), 'Naar: ')]")).stream().map(WebElement::getText))
                .containsExactly("Naar: In voorbereiding");
        browser.findElement(By.xpath("//button[normalize-space()='Naar: In voorbereiding']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".mz-badges")).getText().contains("In voorbereiding"));
        visible(By.xpath("//button[normalize-space()='Naar: Loopt']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".mz-badges")).getText().contains("Loopt"));

        browser.findElement(By.xpath("//summary[normalize-space()='Nieuwe cyclus starten']")).click();
        visible(field("Plan: wat gaan we proberen?")).sendKeys("Elke week een mantelzorgcafé in de wijk");
        browser.findElement(field("Voorspelling: wat verwachten we dat er gebeurt?")).sendKeys("Meer mantelzorgers bereikt");
        setDate(field("Start"), "2026-01-12");
        browser.findElement(By.xpath("//button[normalize-space()='Cyclus starten']")).click();
        assertThat(visible(By.xpath("//h3[starts-with(normalize-space(), 'Cyclus 1')]")).getText()).contains("12 januari 2026");
        visible(By.xpath("//summary[normalize-space()='Uitkomst van cyclus 1 invullen']")).click();
        visible(field("Wat gebeurde er?")).sendKeys("Tien mantelzorgers kwamen, vooral via de huisarts");
        browser.findElement(field("Wat leerden we, vergeleken met de voorspelling?")).sendKeys("Minder dan voorspeld: de wijkkrant bereikt weinigen");
        new org.openqa.selenium.support.ui.Select(browser.findElement(field("Besluit"))).selectByValue("ADAPT");
        browser.findElement(By.xpath("//button[normalize-space()='Uitkomst opslaan']")).click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Aanpassen"));

        browser.findElement(By.xpath("//summary[normalize-space()='Meting toevoegen']")).click();
        visible(field("Wat meten we?")).sendKeys("Mantelzorgers bereikt");
        browser.findElement(field("Eenheid")).sendKeys("per week");
        browser.findElement(By.xpath("//button[normalize-space()='Meting toevoegen']")).click();
        assertThat(visible(By.cssSelector(".mz-signals")).getText()).contains("Nog 10 metingen nodig");

        // Twenty weeks pasted as a column: ten before the café, ten after, a shift upwards.
        browser.findElement(By.xpath("//summary[normalize-space()='Metingen invoeren']")).click();
        visible(By.cssSelector("textarea")).sendKeys("3\n4\n3\n5\n4\n3\n4\n5\n3\n4\n8\n9\n8\n10\n9\n8\n9\n10\n8\n9");
        setDate(field("Datum van de eerste (bij alleen waarden)"), "2025-09-01");
        browser.findElement(By.xpath("//button[normalize-space()='20 metingen opslaan']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".mz-signals")).getText().contains("metingen op rij boven de mediaan"));
        assertThat(browser.findElement(By.cssSelector(".mz-signals")).getText()).contains("waarschijnlijk geen toeval. Dat is de goede kant op.");
        accessible("the experiment after entering a shift");
        screenshot("portaal-nieuw-experiment", By.xpath("//h2[starts-with(normalize-space(), 'Meting:')]"));

        // Another organisation's practice: a Dutch refusal, not a broken page.
        openFromPractices("Praktijkversneller Maasgouw", "Nieuw experiment in deze praktijk");
        visible(field("Titel")).sendKeys("Niet van ons");
        browser.findElement(By.xpath("//label[normalize-space()='Kennis van mantelzorgers']")).click();
        wait.until(d -> !d.findElements(By.xpath("//fieldset[legend[starts-with(normalize-space(), 'Eigenaar')]]//label")).isEmpty());
        browser.findElement(By.xpath("(//fieldset[legend[starts-with(normalize-space(), 'Eigenaar')]]//label)[1]")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Experiment aanmaken']")).click();
        assertThat(visible(By.cssSelector(".utrecht-alert")).getText()).startsWith("Dat mag u hier niet");

        // The demo coordinator follows Praktijkversneller Zwolle: the new experiment is in their inbox.
        browser.manage().deleteAllCookies();
        browser.get(platform.issuer() + "/login");
        browser.manage().deleteAllCookies();
        logIn(PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            open("/portaal/inbox");
            return visible(By.tagName("h1")).getText().equals("Inbox") && browser.findElement(By.tagName("main")).getText().contains(title);
        });
        accessible("the inbox with a new item");
        screenshot("portaal-inbox");
    }

    @Test
    void a_staff_member_adopts_another_practice_s_experiment_and_sees_its_lineage_and_the_origin_s_chart_beside_theirs() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        openFromPractices("Praktijkversneller Maasgouw", "Ambassadeurschap");
        visible(By.xpath("//summary[normalize-space()='Overnemen in mijn praktijk']")).click();
        WebElement practice = visible(field("In welke praktijk?"));
        wait.until(d -> practice.findElements(By.tagName("option")).size() > 1);
        new org.openqa.selenium.support.ui.Select(practice).selectByVisibleText("Praktijkversneller Zwolle");
        visible(By.xpath("//fieldset[legend[normalize-space()='Eigenaar in die praktijk']]//label[normalize-space()='Zwolle Doet!']")).click();
        accessible("adopting an experiment");
        browser.findElement(By.xpath("//button[normalize-space()='Overnemen']")).click();

        wait.until(d -> d.getCurrentUrl().contains("/portaal/experimenten/") && d.findElement(By.tagName("main")).getText().contains("Overgenomen van"));
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Ambassadeurschap");
        assertThat(browser.findElement(By.cssSelector(".mz-lineage")).getText())
                .contains("Praktijkversneller Maasgouw (bron)", "Praktijkversneller Zwolle (dit experiment)");
        WebElement origin = visible(By.cssSelector(".mz-origin"));
        assertThat(origin.getText()).contains("Bij de bron (Praktijkversneller Maasgouw): werkt het bij ons ook?", "boven de mediaan");
        assertThat(browser.findElement(By.cssSelector(".mz-signals")).getText()).contains("Nog 10 metingen nodig");
        accessible("an adopted experiment beside its origin");
        screenshot("portaal-overgenomen", By.cssSelector(".mz-lineage"));
    }

    @Test
    void a_staff_member_follows_a_practice_and_chooses_a_weekly_digest() throws Exception {
        logIn("staff@isala.nl", "demo-isala");
        open("/portaal/praktijken");
        visible(By.linkText("Praktijkversneller Utrecht")).click();
        visible(By.xpath("//button[normalize-space()='Deze praktijk volgen']")).click();
        visible(By.xpath("//button[normalize-space()='Deze praktijk niet meer volgen']"));
        accessible("a practice I follow");

        browser.findElement(By.linkText("Meldingen")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Meldingen");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("naar de praktijk"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(field("E-mail"))).selectByValue("WEEKLY");
        new org.openqa.selenium.support.ui.Select(visible(field("Op"))).selectByValue("FRIDAY");
        browser.findElement(By.xpath("//button[normalize-space()='Opslaan']")).click();
        assertThat(visible(By.cssSelector(".utrecht-alert")).getText()).startsWith("Opgeslagen.");
        accessible("the notification settings");
        screenshot("portaal-meldingen");
        open("/portaal/meldingen");
        wait.until(d -> new org.openqa.selenium.support.ui.Select(d.findElement(field("E-mail"))).getFirstSelectedOption().getText()
                .equals("Eén keer per week"));
    }

    /** A field inside a fieldset (a row of a list: organisations, locations, steps). */
    By fieldIn(String legend, int row, String label) {
        return By.xpath("(//fieldset[legend[normalize-space()='" + legend + "']]//div[@role='group'])[" + row
                + "]//input[@id=(//fieldset[legend[normalize-space()='" + legend + "']]//div[@role='group'])[" + row
                + "]//label[normalize-space()='" + label + "']/@for]");
    }

    WebElement button(String text) {
        return visible(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    void clearAndType(By field, String text) {
        WebElement element = visible(field);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        element.sendKeys(text);
    }

    @Test
    void a_staff_member_creates_and_edits_a_practice_is_told_kindly_when_someone_saved_first_and_archives_it() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        open("/portaal/praktijken");
        visible(By.linkText("Nieuwe praktijk")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Nieuwe praktijk");
        assertThat(visible(fieldIn("Organisaties", 1, "Naam")).getAttribute("value")).isEqualTo("Zwolle Doet!");
        button("Praktijk aanmaken").click();
        assertThat(visible(By.cssSelector(".utrecht-alert")).getText()).contains("Niet alles is goed ingevuld");
        assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]"))).as("refused fields marked").isNotEmpty();
        accessible("the new-practice form with refused fields");

        String name = "Lerende praktijk Dalfsen " + java.util.UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(field("Naam")).sendKeys(name);
        browser.findElement(field("Regio")).sendKeys("IJsselland");
        button("Gemeente toevoegen").click();
        visible(fieldIn("Gemeenten", 1, "Naam")).sendKeys("Dalfsen");
        browser.findElement(fieldIn("Gemeenten", 1, "CBS-code")).sendKeys("GM0148");
        browser.findElement(By.xpath("//label[normalize-space()='Het zorgen volhouden']")).click();
        screenshot("portaal-praktijk-maken");
        button("Praktijk aanmaken").click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(name));
        assertThat(visible(By.cssSelector(".utrecht-alert")).getText()).isEqualTo("De praktijk is opgeslagen.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Dalfsen", "Het zorgen volhouden", "Zwolle Doet!");

        // Someone else saves while this form is open: the save is refused kindly, both versions shown.
        visible(By.linkText("Praktijk bewerken of archiveren")).click();
        visible(field("Positief kernthema")).sendKeys("Mantelzorgers houden het vol");
        String practiceId = browser.getCurrentUrl().replaceAll(".*/praktijken/([^/]+)/bewerken$", "$1");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const id = arguments[0];
                const token = decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11));
                fetch('/api/v1/practices/' + id).then(r => r.json()).then(p => fetch('/api/v1/practices/' + id, {
                  method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': '"' + p.version + '"', 'X-XSRF-TOKEN': token },
                  body: JSON.stringify({ name: p.name, kind: p.kind, region: 'Vechtdal', municipalities: p.municipalities, organisations: p.organisations,
                    positiveCoreTheme: p.positiveCoreTheme, designQuestions: p.designQuestions, centralQuestions: p.centralQuestions,
                    status: p.status, contacts: p.contacts, lessonsLearned: p.lessonsLearned }) })).then(r => done(r.status), e => done(String(e)));
                """, practiceId);
        assertThat(status).isEqualTo(200L);
        button("Wijzigingen opslaan").click();
        WebElement conflict = visible(By.cssSelector(".mz-conflict"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Iemand anders heeft dit intussen opgeslagen");
        assertThat(conflict.getText()).contains("Regio", "IJsselland", "Vechtdal", "Positief kernthema", "Mantelzorgers houden het vol");
        accessible("a conflict shown with both versions");
        screenshot("portaal-conflict");
        button("Opgeslagen versie gebruiken").click();
        assertThat(visible(field("Regio")).getAttribute("value")).isEqualTo("Vechtdal");
        visible(field("Positief kernthema")).sendKeys("Samen volhouden");
        button("Wijzigingen opslaan").click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(name));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Vechtdal", "Samen volhouden");

        visible(By.linkText("Praktijk bewerken of archiveren")).click();
        button("Praktijk archiveren…").click();
        assertThat(visible(By.cssSelector(".utrecht-alert--warning")).getText()).contains("Weet u zeker dat u “" + name + "” wilt archiveren?");
        accessible("archiving asks for a confirmation");
        button("Ja, archiveren").click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Deze praktijk is gearchiveerd"));
        assertThat(browser.findElements(By.linkText("Praktijk bewerken of archiveren"))).isEmpty();
    }

    @Test
    void a_staff_member_adds_an_entry_with_its_location_and_hours_and_confirms_an_old_one_is_still_correct() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        open("/portaal/sociale-kaart");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Sociale kaart beheren");
        visible(By.linkText("Nieuw aanbod toevoegen")).click();
        assertThat(visible(field("Organisatie")).getAttribute("value")).isEqualTo("Zwolle Doet!");
        String name = "Maatjesproject mantelzorg " + java.util.UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(field("Naam van het aanbod")).sendKeys(name);
        browser.findElement(field("Omschrijving")).sendKeys("Een vrijwilliger komt wekelijks langs, zodat u even tijd voor uzelf hebt.");
        wait.until(d -> !d.findElements(By.xpath("//label[normalize-space()='Respijtzorg aan huis']")).isEmpty());
        browser.findElement(By.xpath("//label[normalize-space()='Respijtzorg aan huis']")).click();
        browser.findElement(By.xpath("//fieldset[legend[normalize-space()='Wie betaalt']]//label[normalize-space()='Gratis']")).click();
        clearAndType(field("Werkgebied"), "GM0193");
        button("Locatie toevoegen").click();
        visible(fieldIn("Locaties", 1, "Adres")).sendKeys("Grote Markt 1");
        browser.findElement(fieldIn("Locaties", 1, "Postcode")).sendKeys("8011 LW");
        browser.findElement(fieldIn("Locaties", 1, "Plaats")).sendKeys("Zwolle");
        button("Kies de plek op de kaart").click();
        WebElement map = visible(By.cssSelector(".mz-map--picker"));
        new Actions(browser).moveToElement(map).click().perform();
        wait.until(d -> !d.findElement(fieldIn("Locaties", 1, "Breedtegraad")).getAttribute("value").isEmpty());
        // The keyboard way: the coordinates typed in; the marker follows them.
        clearAndType(fieldIn("Locaties", 1, "Breedtegraad"), "52.5125");
        clearAndType(fieldIn("Locaties", 1, "Lengtegraad"), "6.0936");
        button("Openingstijd toevoegen").click();
        new org.openqa.selenium.support.ui.Select(visible(By.xpath("//fieldset[legend[normalize-space()='Openingstijden']]//select")))
                .selectByValue("WEDNESDAY");
        accessible("the new-entry form with a location and opening hours");
        screenshot("portaal-aanbod-maken", By.xpath("//legend[normalize-space()='Locaties']"));
        button("Aanbod toevoegen").click();
        assertThat(visible(By.cssSelector(".utrecht-alert--ok")).getText()).startsWith("Opgeslagen.");
        wait.until(d -> d.getCurrentUrl().matches(".*/portaal/sociale-kaart/[^/]+$") && !d.getCurrentUrl().endsWith("/nieuw"));
        String id = browser.getCurrentUrl().replaceAll(".*/", "");

        open("/sociale-kaart/aanbod/" + id);
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Grote Markt 1", "woensdag");
        // Staff follow an organisation from its public entry: new entries of theirs reach the inbox.
        visible(By.xpath("//button[normalize-space()='Zwolle Doet! volgen']")).click();
        visible(By.xpath("//button[normalize-space()='Zwolle Doet! niet meer volgen']"));

        // A year and more without a check: the overview asks for one click to confirm it.
        try (var client = com.mongodb.client.MongoClients.create(platform.mongoUri("socialmap"))) {
            client.getDatabase("socialmap").getCollection("services").updateOne(new org.bson.Document("_id", id),
                    new org.bson.Document("$set", new org.bson.Document("lastVerifiedAt", java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(400))))));
        }
        open("/portaal");
        WebElement todo = visible(By.xpath("//section[h2[normalize-space()='Sociale kaart: controleren']]"));
        assertThat(todo.getText()).contains("1 item 12 maanden niet gecontroleerd — bevestig", name);
        accessible("the overview with an entry to check");
        screenshot("portaal-overzicht-controleren", By.xpath("//h2[normalize-space()='Sociale kaart: controleren']"));
        todo.findElement(By.xpath(".//button[normalize-space()='Bevestig: nog correct']")).click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Bevestigd: " + name + " is nog correct."));
        open("/portaal/sociale-kaart");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Alles is in de afgelopen 12 maanden gecontroleerd."));
        assertThat(visible(By.linkText(name)).isDisplayed()).isTrue();
        accessible("my organisation's entries");
        screenshot("portaal-sociale-kaart");
    }

    @Test
    void a_coordinator_builds_a_municipality_s_respite_route_in_order_with_linked_entries_and_caregivers_see_it() throws Exception {
        logIn(PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        open("/portaal/respijtzorg/GM0193");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Respijtzorgroute GM0193");
        visible(By.xpath("//p[contains(., 'heeft nog geen route')]"));
        button("Stap toevoegen").click();
        visible(field("Stap 1: wat gebeurt er?")).sendKeys("Aanvraag bij het Wmo-loket");
        browser.findElement(fieldIn("Stappen (in volgorde)", 1, "Wie doet dit?")).sendKeys("Wmo-consulent");
        button("Stap toevoegen").click();
        visible(field("Stap 2: wat gebeurt er?")).sendKeys("Gesprek met de mantelzorgconsulent");
        browser.findElement(fieldIn("Stappen (in volgorde)", 2, "Wie doet dit?")).sendKeys("Mantelzorgconsulent");
        browser.findElement(By.xpath("//button[@aria-label='2 omhoog']")).click();
        assertThat(browser.findElement(field("Stap 1: wat gebeurt er?")).getAttribute("value")).isEqualTo("Gesprek met de mantelzorgconsulent");
        WebElement search = browser.findElement(fieldIn("Stappen (in volgorde)", 1, "Aanbod zoeken om te koppelen"));
        search.sendKeys("steunpunt");
        browser.findElement(By.xpath("(//fieldset[legend[normalize-space()='Stappen (in volgorde)']]//div[@role='group'])[1]//button[normalize-space()='Zoeken']")).click();
        visible(By.xpath("//button[@aria-label='Mantelzorgsteunpunt Zwolle koppelen']")).click();
        visible(By.xpath("//ul[@aria-label='Gekoppeld aanbod']//a[normalize-space()='Mantelzorgsteunpunt Zwolle']"));
        accessible("the respite-route editor");
        screenshot("portaal-respijtzorgroute");
        button("Route opslaan").click();
        assertThat(visible(By.cssSelector(".utrecht-alert--ok")).getText()).isEqualTo("De route is opgeslagen.");

        open("/sociale-kaart/respijtzorg/GM0193");
        WebElement steps = visible(By.cssSelector(".mz-steps"));
        assertThat(steps.getText()).containsSubsequence("Stap 1: Gesprek met de mantelzorgconsulent", "Stap 2: Aanvraag bij het Wmo-loket");
        assertThat(steps.findElements(By.xpath("./li[1]//a"))).as("the linked entry at the first step").isNotEmpty();
    }

    @Test
    void a_coordinator_sees_the_programme_counted_by_outcome_and_level_searches_lessons_and_exports_csv() throws Exception {
        logIn(PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        open("/portaal");
        visible(By.linkText("Programma")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Programma-overzicht");
        WebElement counts = visible(By.xpath("//table[caption[starts-with(normalize-space(), 'Aantal experimenten per uitkomstcategorie')]]"));
        wait.until(d -> counts.findElements(By.cssSelector("tbody tr")).size() > 1);
        assertThat(counts.getText()).contains("Achter de voordeur", "Tussen professionals", "Wijk en gemeente", "Totaal");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Praktijkversneller Zoetermeer"));
        assertThat(browser.findElement(By.xpath("//a[normalize-space()='Alle experimenten downloaden (CSV)']")).getAttribute("href"))
                .endsWith("/api/v1/experiments/export");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/v1/experiments/export').then(r => r.text()).then(done, e => done(String(e)));");
        assertThat((String) csv).contains("Stamtafel in de bibliotheek");
        button("Toon de kaart").click();
        visible(By.cssSelector(".mz-map .leaflet-marker-icon"));
        accessible("the programme overview with its map");
        screenshot("portaal-programma");

        browser.findElement(field("Zoekwoorden")).sendKeys("mantelzorgconsulent");
        button("Zoeken").click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Begin bij de mantelzorgconsulent"));
        assertThat(browser.findElement(By.tagName("main")).getText()).containsPattern("[1-9]\\d* (les|lessen) gevonden");
    }

    @Test
    void a_staff_member_adds_a_lesson_annotates_a_point_and_freezes_the_baseline_of_a_run_chart() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        openFromPractices("Praktijkversneller Zwolle", "Klantreis: van ziekenhuisopname naar huis");
        visible(By.xpath("//summary[normalize-space()='Les toevoegen']")).click();
        new org.openqa.selenium.support.ui.Select(visible(field("Soort les"))).selectByValue("TIP");
        browser.findElement(field("De les")).sendKeys("Bel de mantelzorger al op de dag van opname");
        button("Les toevoegen").click();
        assertThat(visible(By.cssSelector(".utrecht-alert--ok")).getText()).startsWith("De les is toegevoegd");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Tip: Bel de mantelzorger al op de dag van opname"));

        visible(By.xpath("//summary[normalize-space()='Aantekening bij een meting']")).click();
        visible(field("Aantekening")).sendKeys("Nieuwe folder op de afdeling");
        button("Aantekening opslaan").click();
        wait.until(d -> d.findElement(By.cssSelector(".mz-chart__data table")).getAttribute("textContent").contains("Nieuwe folder op de afdeling"));

        visible(By.xpath("//summary[normalize-space()='Basislijn en splitsing']")).click();
        new org.openqa.selenium.support.ui.Select(visible(field("Basislijn vastzetten: de eerste … metingen bepalen de mediaan"))).selectByIndex(10);
        button("Instellingen opslaan").click();
        assertThat(visible(By.xpath("//div[contains(@class,'utrecht-alert--ok')][contains(., 'opnieuw berekend')]")).isDisplayed()).isTrue();
        accessible("an experiment with a lesson, a note and a frozen baseline");
    }

    @Test
    void a_coordinator_invites_and_deactivates_a_staff_member_and_links_a_system_whose_secret_is_shown_once() throws Exception {
        logIn(PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        open("/portaal");
        visible(By.linkText("Beheer")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Beheer");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("staff@zwolledoet.nl"));
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        visible(By.xpath("//summary[normalize-space()='Medewerker uitnodigen']")).click();
        WebElement invite = visible(By.cssSelector("form[aria-label='Medewerker uitnodigen']"));
        invite.findElement(By.id(invite.findElement(By.xpath(".//label[normalize-space()='Naam']")).getAttribute("for"))).sendKeys("Fenna Mulder");
        invite.findElement(By.id(invite.findElement(By.xpath(".//label[normalize-space()='E-mailadres']")).getAttribute("for")))
                .sendKeys("fenna-" + suffix + "@zwolledoet.nl");
        invite.findElement(By.id(invite.findElement(By.xpath(".//label[normalize-space()='Organisatie']")).getAttribute("for"))).sendKeys("Zwolle Doet!");
        button("Uitnodigen").click();
        assertThat(visible(By.cssSelector(".mz-secret")).getText()).contains("/activeren/");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("fenna-" + suffix + "@zwolledoet.nl"));
        visible(By.xpath("//button[@aria-label='Fenna Mulder deactiveren']")).click();
        button("Ja, deactiveren").click();
        wait.until(d -> d.findElement(By.xpath("//tr[.//th[contains(., 'fenna-" + suffix + "')]]")).getText().contains("Gedeactiveerd"));

        visible(By.xpath("//summary[normalize-space()='Systeem koppelen']")).click();
        browser.findElement(field("Client-id")).sendKeys("gemeente-dalfsen-" + suffix);
        browser.findElement(field("Naam van het systeem")).sendKeys("Gemeente Dalfsen (Wmo)");
        browser.findElement(field("Gemeente (CBS-code)")).sendKeys("GM0148");
        button("Systeem koppelen").click();
        String secret = visible(By.xpath("//form[@aria-label='Systeem koppelen']//code")).getText();
        assertThat(secret).hasSizeGreaterThan(20);
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gemeente-dalfsen-" + suffix));
        accessible("the accounts and systems page");
        screenshot("portaal-beheer");
        open("/portaal/beheer");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gemeente-dalfsen-" + suffix));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the secret is shown once only").doesNotContain(secret);
    }

    @Test
    void staff_pages_work_by_keyboard_alone_and_320_pixels_wide() throws Exception {
        logIn("staff@zwolledoet.nl", "demo-zwolledoet");
        browser.manage().window().setSize(new Dimension(320, 800));
        for (String path : List.of("/portaal", "/portaal/praktijken", "/portaal/praktijken/nieuw", "/portaal/sociale-kaart",
                "/portaal/sociale-kaart/nieuw", "/portaal/inbox", "/portaal/meldingen")) {
            open(path);
            visible(By.tagName("h1"));
            wait.until(d -> d.findElements(By.xpath("//p[normalize-space()='Laden…']")).isEmpty());
            long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("sideways scrolling on " + path).isLessThanOrEqualTo(0);
        }
        openFromPractices("Praktijkversneller Zwolle", "Klantreis: van ziekenhuisopname naar huis");
        visible(By.cssSelector("svg.mz-chart__svg"));
        assertThat((Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("sideways scrolling on an experiment with its run chart").isLessThanOrEqualTo(0);
        accessible("an experiment on a phone");
        screenshot("portaal-experiment-telefoon");

        // Keyboard alone: from the skip link through the portal menu to a form, and a row added by Enter.
        browser.manage().window().setSize(new Dimension(1200, 900));
        open("/portaal/praktijken/nieuw");
        visible(By.tagName("h1"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Naar de inhoud");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement name = browser.findElement(field("Naam"));
        tabTo(name, 30);
        assertThat(browser.switchTo().activeElement()).as("the first field is reachable by Tab").isEqualTo(name);
        assertFocusVisible();
        WebElement add = browser.findElement(By.xpath("//button[normalize-space()='Gemeente toevoegen']"));
        tabTo(add, 30);
        assertThat(browser.switchTo().activeElement()).as("adding a row is reachable by Tab").isEqualTo(add);
        assertFocusVisible();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        visible(fieldIn("Gemeenten", 1, "Naam"));
    }

    @Test
    void the_staff_portal_asks_for_a_login_first() {
        open("/portaal/praktijken");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Inloggen");
        assertThat(browser.getCurrentUrl()).startsWith(platform.issuer());
    }

    @Test
    void the_activation_and_forgotten_password_pages_are_dutch_and_accessible() throws Exception {
        browser.get(platform.issuer() + "/activeren/een-onbekende-link");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Wachtwoord kiezen");
        accessible("the activation page");
        screenshot("activeren");
        browser.findElement(By.id("password")).sendKeys("kort");
        browser.findElement(By.id("repeated")).sendKeys("kort", Keys.ENTER);
        // The browser's own check (minlength) stops the form and tells the person why.
        assertThat((String) script("return document.getElementById('password').validationMessage")).isNotBlank();
        assertThat(browser.findElements(By.xpath("//h1[normalize-space()='Wachtwoord kiezen']"))).hasSize(1);
        browser.get(platform.issuer() + "/wachtwoord-vergeten");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Wachtwoord vergeten");
        accessible("the forgotten-password page");
    }

    @Test
    void an_unknown_page_says_so_in_dutch_and_is_accessible() throws Exception {
        open("/bestaat-niet");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Deze pagina bestaat niet");
        accessible("the not-found page");
        open("/toegankelijkheid");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Toegankelijkheid");
        accessible("the accessibility statement");
    }

    /** The names in the result list; empty while the list is being replaced. */
    List<String> resultNames() {
        try {
            return browser.findElements(By.cssSelector(".mz-hit h3")).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return List.of();
        }
    }

    /** Tab until {@code element} has focus (at most {@code presses} times); the caller asserts it got there. */
    void tabTo(WebElement element, int presses) {
        for (int i = 0; i < presses && !element.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
    }

    /** From the list of practices, a practice, then a link on its page (an experiment). */
    void openFromPractices(String practice, String link) {
        open("/portaal/praktijken");
        visible(By.linkText(practice)).click();
        visible(By.linkText(link)).click();
    }

    String labelTarget(String label) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[normalize-space()='" + label + "']"))).getAttribute("for");
    }

    void assertFocusVisible() {
        String outline = (String) script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertThat(outline).as("visible focus").doesNotStartWith("none").doesNotEndWith(" 0px");
    }
}
