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
        for (int i = 0; i < 40 && !link.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
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
        open("/portaal/praktijken");
        visible(By.linkText("Praktijkversneller Maasgouw")).click();
        visible(By.linkText("Nieuw experiment in deze praktijk")).click();
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
        open("/portaal/praktijken");
        visible(By.linkText("Praktijkversneller Maasgouw")).click();
        visible(By.linkText("Ambassadeurschap")).click();
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

    String labelTarget(String label) {
        return browser.findElement(By.xpath("//label[normalize-space()='" + label + "']")).getAttribute("for");
    }

    void assertFocusVisible() {
        String outline = (String) script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertThat(outline).as("visible focus").doesNotStartWith("none").doesNotEndWith(" 0px");
    }
}
