package fr.tribunes.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.Chromium;
import fr.tribunes.SiteTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editors' pages in a real browser (Debian's Chromium), at a desktop and a phone width, as an editor goes
 * through them (and the op-ed page with its comments): nothing wider than the window, no accessibility violation
 * found by axe-core, the keyboard focus visible. Screenshots go to {@code target/screenshots}. Runs with
 * {@code -Pfull}, like {@code BrowserTests}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class AccountBrowserTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    String axe;

    Path screenshots;

    @BeforeAll
    void startBrowser() throws IOException {
        axe = Chromium.axeScript();
        screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        browser = Chromium.start(false);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Autowired
    fr.tribunes.capture.Imports imports;

    private Long imported;

    /** A synthetic page imported once, for its check page. */
    private long importedDraft() throws IOException {
        if (imported == null) {
            Path page = Files.createTempFile("tribune-synthetique-", ".html");
            Files.writeString(page, """
                    <html><head><title>Tribune synthétique importée pour le navigateur (données de test)</title>
                    <meta name="citation_author" content="Auteur synthétique du navigateur">
                    <meta name="citation_publication_date" content="2016-05-06"></head>
                    <body><article><div class="entry-content"><p>Paragraphe synthétique importé.</p></div></article>
                    </body></html>""");
            imported = imports.importFile("tribune.html", page, "test")
                    .created()
                    .get(0)
                    .id();
            Files.delete(page);
        }
        return imported;
    }

    @ParameterizedTest(name = "à {0} px")
    @ValueSource(ints = {1280, 390})
    void anEditorsPagesFitAndAreAccessible(int width) throws IOException {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(width, 900));

        open("/admin/editeurs");
        check("connexion", width);
        fill("username", AccountSiteTests.FIRST_EDITOR);
        fill("password", "pas le bon mot de passe");
        submit("form.sign-in-form");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Identifiant ou mot de passe incorrect.");
        check("connexion-erreur", width);

        fill("password", AccountSiteTests.FIRST_PASSWORD);
        submit("form.sign-in-form");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/editeurs");
        check("editeurs", width);

        fill("new-username", "Pas Valide");
        fill("new-password", "court");
        submit("form[action='/admin/editeurs']");
        assertThat(browser.findElements(By.cssSelector(".field-error"))).hasSize(2);
        check("editeurs-erreurs", width);

        WebElement input = browser.findElement(By.id("new-username"));
        input.click();
        assertThat(input.getCssValue("outline-style")).as("focus outline").isEqualTo("solid");

        open("/admin/mot-de-passe");
        check("mot-de-passe", width);

        // The editorial pages (package editorial), and what readers see of corrections.
        open("/admin/tribunes");
        check("admin-tribunes", width);
        open("/admin/tribunes/nouvelle");
        fill("f-title", "Tribune synthétique (données de test)");
        fill("f-date", "2024-13");
        submit("form.editor");
        assertThat(browser.findElements(By.cssSelector(".form-errors li"))).hasSize(3); // text, date, author
        assertThat(browser.findElement(By.id("f-title")).getAttribute("value"))
                .isEqualTo("Tribune synthétique (données de test)");
        check("admin-tribune-erreurs", width);
        open("/admin/tribunes/1");
        check("admin-tribune", width);
        open("/admin/tribunes/1/versions");
        check("admin-versions", width);
        open("/admin/tribunes/1/apercu");
        assertThat(browser.findElement(By.cssSelector(".preview-banner")).getText())
                .contains("Aperçu");
        check("admin-apercu", width);
        open("/admin/facettes");
        check("admin-facettes", width);
        open("/admin/imports");
        check("admin-imports", width);
        open("/admin/tribunes/" + importedDraft() + "/verification");
        check("admin-verification", width);
        open("/admin/facettes/themes/1");
        check("admin-theme", width);
        open(
                "/tribunes/letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance/historique");
        check("historique", width);

        // Comments (package comment): the op-ed page with approved ones and the form, the moderation queue.
        withSyntheticComments();
        open(SEED_PATH + "#commentaires");
        assertThat(browser.findElements(By.cssSelector(".comment"))).hasSize(1);
        check("tribune-commentaires", width);
        open("/admin/commentaires");
        assertThat(browser.findElements(By.cssSelector(".moderation-list > li")))
                .hasSize(2);
        check("admin-commentaires", width);

        open("/admin/mot-de-passe");

        browser.executeScript("document.querySelector('form.sign-out input[name=_csrf]').value = 'perime';");
        submit("form.sign-out");
        check("formulaire-expire", width);
    }

    static final String SEED_PATH =
            "/tribunes/letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance";

    /** One approved comment and two held (one with many links) on the seeded op-ed: synthetic, and saying so. */
    private void withSyntheticComments() {
        if (jdbc.queryForObject("select count(*) from comment", Long.class) > 0) {
            return;
        }
        String insert = "insert into comment (article_id, status, author_name, email, email_normalised, website, body,"
                + " created_at, remote_address, suspected)"
                + " values ((select id from article where slug = ?), ?, ?, ?, ?, ?, ?, current_timestamp, '127.0.0.1', ?)";
        String slug = SEED_PATH.substring("/tribunes/".length());
        jdbc.update(
                insert,
                slug,
                "APPROVED",
                "Lectrice synthétique (test)",
                "lectrice@exemple.test",
                "lectrice@exemple.test",
                "https://exemple.org",
                "Commentaire synthétique approuvé, écrit pour les tests.\n\nSecond paragraphe : https://exemple.org/page.",
                false);
        jdbc.update(
                insert,
                slug,
                "PENDING",
                "Lecteur synthétique (test)",
                "lecteur@exemple.test",
                "lecteur@exemple.test",
                null,
                "Commentaire synthétique en attente, écrit pour les tests.",
                false);
        jdbc.update(
                insert,
                slug,
                "PENDING",
                "Robot synthétique (test)",
                "robot@exemple.test",
                "robot@exemple.test",
                null,
                "https://exemple.org/1 https://exemple.org/2 https://exemple.org/3",
                true);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Presses the form's button and waits for the next page (a click does not always wait for it): until the button
     * belongs to no page. Caught in the middle of the navigation, ChromeDriver 156 says so with an unknown error
     * (« Node with given id does not belong to the document ») rather than a stale element, which Selenium's
     * {@code stalenessOf} lets through (a CI run failed so).
     */
    private void submit(String form) {
        WebElement button = browser.findElement(By.cssSelector(form + " button[type=submit]"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException gone) {
                if (String.valueOf(gone.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw gone;
            }
        });
    }

    private void check(String name, int width) throws IOException {
        String tooWide = Chromium.tooWide(browser);
        assertThat(tooWide)
                .as("elements wider than the window on %s at %d px", name, width)
                .isEmpty();
        assertThat(axeViolations())
                .as("axe-core violations on %s at %d px", name, width)
                .isEmpty();
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(), screenshots.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> axeViolations() {
        return Chromium.axeViolations(browser, axe);
    }
}
