package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page type in a real browser (Debian's Chromium, driven by Selenium) at a desktop and a phone width:
 * nothing wider than the phone, no accessibility violation found by axe-core, no request to another host, no
 * console error. Screenshots go to {@code target/screenshots} for a person to look at. Runs with
 * {@code -Pfull}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class BrowserTests {

    /** This class's synthetic op-eds are numbered from here, apart from other classes' in the shared site. */
    static final int N = 5000;

    static final int DESKTOP = 1280;

    static final int PHONE = 390;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ChromeDriver browser;

    String axe;

    Path screenshots;

    @BeforeAll
    void startBrowser(@Autowired ApplicationContext site) throws IOException {
        // Two synthetic neighbours, so that the op-ed page shows its "Sur les mêmes thèmes" section too.
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.add(N + 1, LocalDate.of(2016, 3, 1), "cloud-souverain", "pme");
        synthetic.add(N + 2, LocalDate.of(2016, 4, 1), "cybersecurite");

        axe = Chromium.axeScript();
        screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));

        browser = Chromium.start(true);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Stream<Arguments> pages() {
        List<String[]> pages = List.of(
                new String[] {"accueil", "/", "200"},
                new String[] {"tribune", SeedTribune.PATH, "200"},
                new String[] {"auteurs", "/auteurs", "200"},
                new String[] {"auteur", SeedTribune.AUTHOR_PATH, "200"},
                new String[] {"themes", "/themes", "200"},
                new String[] {"theme", "/themes/cloud-souverain", "200"},
                new String[] {"organisations", "/organisations", "200"},
                new String[] {"organisation", "/organisations/numergy", "200"},
                new String[] {"archives", "/archives", "200"},
                new String[] {"annee", "/archives/2015", "200"},
                new String[] {"recherche", "/recherche?q=cloud", "200"},
                new String[] {"recherche-vide", "/recherche", "200"},
                new String[] {"historique", SeedTribune.PATH + "/historique", "200"},
                new String[] {"version", SeedTribune.PATH + "/versions/1", "200"},
                new String[] {"donnees", "/donnees", "200"},
                new String[] {"erreur-404", "/tribunes/inconnue", "404"},
                new String[] {"erreur-400", "/themes/pme?page=abc", "400"});
        return pages.stream()
                .flatMap(page -> Stream.of(DESKTOP, PHONE).map(width -> Arguments.of(page[0], page[1], width)));
    }

    @ParameterizedTest(name = "{0} à {2} px")
    @MethodSource("pages")
    void thePageFitsIsAccessibleAndStaysOnThisSite(String name, String path, int width) throws IOException {
        load(path, width);

        String tooWide = Chromium.tooWide(browser);
        assertThat(tooWide)
                .as("elements wider than the window on %s at %d px", path, width)
                .isEmpty();

        assertThat(axeViolations())
                .as("axe-core violations on %s at %d px", path, width)
                .isEmpty();
        assertThat(requestedUrls())
                .as("requests made by %s", path)
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(base()));
        assertThat(consoleErrors(path)).as("console errors on %s", path).isEmpty();

        screenshot(name + "-" + width);
    }

    @Test
    void everyPageTypePassesTheAccessibilityCheckInTheDarkThemeToo() throws IOException {
        darkTheme(true);
        try {
            for (Object[] page : pages().filter(a -> a.get()[2].equals(DESKTOP))
                    .map(Arguments::get)
                    .toList()) {
                load((String) page[1], DESKTOP);
                assertThat(browser.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;"))
                        .isEqualTo(true);
                assertThat(axeViolations())
                        .as("axe-core violations on %s in the dark theme", page[1])
                        .isEmpty();
                if (page[0].equals("tribune")) {
                    screenshot("tribune-sombre-" + DESKTOP);
                }
            }
        } finally {
            darkTheme(false);
        }
    }

    private void darkTheme(boolean dark) {
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        dark ? List.of(Map.of("name", "prefers-color-scheme", "value", "dark")) : List.of()));
    }

    @Test
    void theTableOfContentsLinksLandOnTheirSections() throws IOException {
        for (int width : List.of(DESKTOP, PHONE)) {
            load(SeedTribune.PATH, width);
            List<WebElement> links = browser.findElements(By.cssSelector(".toc a"));
            assertThat(links).hasSize(5);
            for (int i = 0; i < links.size(); i++) {
                String anchor = "s-" + (i + 1);
                browser.findElements(By.cssSelector(".toc a")).get(i).click();
                Number top = (Number) browser.executeScript(
                        "return document.getElementById(arguments[0]).getBoundingClientRect().top;", anchor);
                assertThat(browser.getCurrentUrl()).endsWith("#" + anchor);
                assertThat(top.doubleValue())
                        .as("section %s at the top of the window at %d px", anchor, width)
                        .isBetween(-1.0, 40.0);
                if (i == 2) {
                    screenshot("tribune-sommaire-" + width);
                }
                browser.executeScript("window.scrollTo(0, 0);");
            }
        }
    }

    @Test
    void aPermalinkShowsWhenItHasKeyboardFocus() {
        load(SeedTribune.PATH, DESKTOP);
        WebElement permalink = browser.findElement(By.cssSelector("#p-1 > a.permalink"));

        assertThat(permalink.getCssValue("opacity")).isEqualTo("0");
        // Tab from the element before it, as a keyboard user would.
        browser.executeScript("document.querySelector('#p-1').tabIndex = -1; document.querySelector('#p-1').focus();");
        new org.openqa.selenium.interactions.Actions(browser)
                .sendKeys(org.openqa.selenium.Keys.TAB)
                .perform();
        assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("#p-1");
        assertThat(permalink.getCssValue("opacity")).isEqualTo("1");
    }

    @Test
    void followingAParagraphsPermalinkShowsHowToCiteThatParagraph() {
        load(SeedTribune.PATH, DESKTOP);
        WebElement citation = browser.findElement(By.cssSelector("#p-3 + .cite-paragraph"));
        assertThat(citation.isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#p-3 > a.permalink")).sendKeys(org.openqa.selenium.Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("#p-3");
        assertThat(citation.isDisplayed()).isTrue();
        assertThat(citation.getText())
                .startsWith("Citer le paragraphe 3\u202f:")
                .contains("Théodore Michel Vrangos")
                .endsWith(SeedTribune.PATH + "#p-3");
        assertThat(browser.findElements(By.cssSelector(".cite-paragraph")).stream()
                        .filter(WebElement::isDisplayed)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theAccessibilityCheckFindsAViolationWhenThereIsOne() {
        load("/", DESKTOP);
        browser.executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\\'/x.png\\'>');");

        assertThat(axeViolations())
                .anySatisfy(violation -> assertThat(violation).startsWith("image-alt"));
    }

    @Test
    void theRequestCheckSeesARequestToAnotherHost() {
        load("/", DESKTOP);
        // Another loopback address: a different host, still on this machine. (The Content-Security-Policy stops
        // the image from loading, see below, but Chromium's network log still shows the attempt.)
        browser.executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img alt=\\'\\' src=\\'http://127.0.0.2:9/x.png\\'>');");

        assertThat(requestedUrls()).contains("http://127.0.0.2:9/x.png");
    }

    @Test
    void theContentSecurityPolicyStopsAnInjectedImageScriptAndStyleAndTheConsoleCheckSeesIt() {
        load("/", DESKTOP);
        // What an injection would add to a page: an image from elsewhere, an inline script, an inline style.
        browser.executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img alt=\\'\\' src=\\'http://127.0.0.2:9/y.png\\'>');"
                        + "const s = document.createElement('script'); s.textContent = 'document.title = \\'injecté\\''; document.body.append(s);"
                        + "document.querySelector('main').insertAdjacentHTML('beforeend', '<p style=\\'color: red\\' id=\\'rouge\\'>x</p>');");

        assertThat(browser.getTitle()).isNotEqualTo("injecté");
        assertThat(browser.findElement(By.id("rouge")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
        List<String> errors = consoleErrors("/");
        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .contains("image 'http://127.0.0.2:9/y.png'", "Content Security Policy", "img-src"))
                .anySatisfy(error -> assertThat(error).contains("inline script", "Content Security Policy"))
                .anySatisfy(error -> assertThat(error).contains("inline style", "Content Security Policy"));
    }

    @Test
    void theApiDocumentationRunsUnderItsOwnPolicyWithoutAConsoleError() {
        load("/swagger-ui/index.html", DESKTOP);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(driver ->
                        !driver.findElements(By.cssSelector(".opblock")).isEmpty());

        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(WebElement::getText)
                .anySatisfy(path -> assertThat(path.replace("\u200b", "")).isEqualTo("/api/tribunes"));
        assertThat(requestedUrls()).allSatisfy(url -> assertThat(url).startsWith(base()));
        assertThat(consoleErrors("/swagger-ui/index.html")).isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void load(String path, int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.manage().logs().get(LogType.PERFORMANCE); // forget the requests of earlier pages
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(base() + path);
    }

    private List<String> axeViolations() {
        return Chromium.axeViolations(browser, axe);
    }

    /** Every URL the browser requested for the page, from Chromium's network log. */
    private List<String> requestedUrls() {
        return Chromium.requestedUrls(browser);
    }

    /**
     * The console's errors, but for the one Chromium logs when the page itself answers an error status: that is
     * what an error page is for.
     */
    private List<String> consoleErrors(String path) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !(message.startsWith(base() + path) && message.contains("the server responded")))
                .toList();
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
