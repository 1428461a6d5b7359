package fr.tribunes.account;

import static fr.tribunes.account.Browser.path;
import static fr.tribunes.account.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Signing in and out, as an editor does it, and what readers of the public site do not get: a session. */
class SignInTests extends AccountSiteTests {

    static final String WRONG_PASSWORD = "Identifiant ou mot de passe incorrect.";

    @Test
    void aVisitorAskingForTheAdministrationIsSentToTheFrenchSignInPage() throws Exception {
        HttpResponse<String> response = get("/admin/editeurs");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(URI.create(location).getPath()).isEqualTo("/connexion"));

        HtmlPage page = browser().open("/admin/editeurs");
        assertThat(path(page)).isEqualTo("/connexion");
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("fr");
        assertThat(text(page.querySelector("h1"))).isEqualTo("Connexion");
        assertThat(text(page.querySelector("label[for=username]"))).isEqualTo("Identifiant");
        assertThat(text(page.querySelector("label[for=password]"))).isEqualTo("Mot de passe");
        assertThat(text(page.querySelector("form.sign-in-form button"))).isEqualTo("Se connecter");
    }

    @Test
    void aWrongPasswordIsRefusedInFrenchWithoutSayingWhetherTheAccountExists() throws IOException {
        Browser browser = browser();

        HtmlPage wrongPassword = browser.signIn(FIRST_EDITOR, "pas le bon mot de passe");
        HtmlPage unknownEditor = browser.signIn("personne", "pas le bon mot de passe");

        for (HtmlPage page : new HtmlPage[] {wrongPassword, unknownEditor}) {
            assertThat(path(page)).isEqualTo("/connexion");
            assertThat(text(page.querySelector("[role=alert]"))).isEqualTo(WRONG_PASSWORD);
            assertThat(page.<HtmlInput>querySelector("#password").getValue()).isEmpty();
        }
        assertThat(wrongPassword.<HtmlInput>querySelector("#username").getValue())
                .isEqualTo(FIRST_EDITOR);
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/connexion");
    }

    @Test
    void theRightPasswordLeadsToThePageAskedForInTheSessionItOpens() throws IOException {
        Browser browser = browser();
        HtmlPage signInPage = browser.open("/admin/editeurs");
        // Neither asking for an editor's page nor the sign-in form opens a session: the page asked for is kept in a
        // cookie, the form's token too.
        assertThat(browser.sessionId()).isNull();

        HtmlPage page = Browser.submitSignIn(signInPage, FIRST_EDITOR, FIRST_PASSWORD);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getUrl().toString()).endsWith("/admin/editeurs");
        assertThat(text(page.querySelector("h1"))).isEqualTo("Éditeurs");
        assertThat(text(page.querySelector(".signed-in-as"))).isEqualTo("Connecté en tant que redaction");
        assertThat(browser.sessionId()).isNotNull();
    }

    @Test
    void aSixthSessionForOneEditorEndsTheOldestWhichIsToldWhy() throws IOException {
        Browser oldest = browser();
        oldest.signIn(FIRST_EDITOR, FIRST_PASSWORD);
        List<Browser> others = new java.util.ArrayList<>();
        for (int session = 2; session <= SecurityConfiguration.MAX_SESSIONS_PER_EDITOR; session++) {
            Browser other = browser();
            other.signIn(FIRST_EDITOR, FIRST_PASSWORD);
            others.add(other);
        }
        // Not asked for anything since it signed in: the least recently used of the five.

        Browser sixth = browser();
        sixth.signIn(FIRST_EDITOR, FIRST_PASSWORD);

        HtmlPage ended = oldest.open("/admin/editeurs");
        assertThat(path(ended)).isEqualTo("/connexion");
        assertThat(text(ended.querySelector("[role=alert]"))).contains("Votre session a pris fin");
        assertThat(path(sixth.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
        for (Browser other : others) {
            assertThat(path(other.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
        }
    }

    @Test
    void signingInWithoutTheFormsTokenIsRefusedWithTheFrenchPage() throws IOException {
        Browser browser = browser();
        browser.open("/connexion");

        Page refused = browser.post("/connexion", Map.of("username", FIRST_EDITOR, "password", FIRST_PASSWORD));

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        HtmlPage page = (HtmlPage) refused;
        assertThat(text(page.querySelector("h1"))).isEqualTo("Formulaire expiré ou invalide");
        assertThat(page.getAnchorByHref("/connexion")).isNotNull();
        assertThat(refused.getWebResponse().getContentAsString())
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception")
                .doesNotContain("Forbidden");
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/connexion");
    }

    @Test
    void publicPagesSetNoCookieAndMayBeKeptWhileEditorsPagesMayNot() throws Exception {
        for (String publicPage : List.of("/", "/themes", SeedTribune.PATH, "/api/themes", "/flux.atom")) {
            HttpResponse<String> response = get(publicPage);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(publicPage)
                    .isEmpty();
        }
        assertThat(get("/").headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(get("/connexion").headers().firstValue("Cache-Control")).hasValue("no-store");

        Browser browser = browser();
        HtmlPage admin = browser.signIn(FIRST_EDITOR, FIRST_PASSWORD);
        assertThat(path(admin)).startsWith("/admin/");
        HtmlPage editors = browser.open("/admin/editeurs");
        assertThat(editors.getWebResponse().getResponseHeaderValue("Cache-Control"))
                .isEqualTo("no-store");
        HtmlPage home = browser.open("/");
        assertThat(home.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(home.getWebResponse().getResponseHeaderValue("Cache-Control"))
                .isEqualTo("no-store");
    }

    @Test
    void readersRequestsNeverReachTheSessionsNorTheCountsInTheDatabaseEditorsDo() throws Exception {
        // H2 lists every statement it runs, with how often, while QUERY_STATISTICS is on.
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            for (String publicPage : List.of(
                    "/", "/themes", SeedTribune.PATH, SeedTribune.PATH, "/api/themes", "/flux.atom", "/connexion")) {
                assertThat(get(publicPage).statusCode()).as(publicPage).isEqualTo(200);
            }
            assertThat(get("/admin/editeurs").statusCode()).isEqualTo(302);
            assertThat(statementsOnSessionsOrCounts()).isEmpty();

            Browser browser = browser();
            browser.signIn(FIRST_EDITOR, FIRST_PASSWORD);
            browser.open("/");
            assertThat(statementsOnSessionsOrCounts())
                    .anySatisfy(sql -> assertThat(sql).contains("SPRING_SESSION"))
                    .anySatisfy(sql -> assertThat(sql).contains("SIGN_IN_THROTTLE"));
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    /** The statements run on the sessions' and the counts' tables, but for the cleanups each instance schedules. */
    private List<String> statementsOnSessionsOrCounts() {
        return jdbc.queryForList("select sql_statement from information_schema.query_statistics", String.class).stream()
                .map(sql -> sql.toUpperCase(Locale.ROOT))
                .filter(sql -> sql.contains("SPRING_SESSION")
                        || sql.contains("SIGN_IN_THROTTLE")
                        || sql.contains("COMMENT_RATE_LIMIT"))
                .filter(sql -> !sql.contains("QUERY_STATISTICS")
                        && !sql.contains("EXPIRY_TIME <")
                        && !sql.contains("EXPIRES_AT <")
                        && !sql.matches("(?s)DELETE FROM \\w+ WHERE KIND = \\? AND COUNTED = \\?"))
                .toList();
    }

    @Test
    void signingOutEndsTheSessionAndLeadsHome() throws IOException {
        Browser browser = browser();
        browser.signIn(FIRST_EDITOR, FIRST_PASSWORD);
        HtmlPage editors = browser.open("/admin/editeurs");

        HtmlPage home =
                editors.<HtmlElement>querySelector("form.sign-out button").click();

        assertThat(path(home)).isEqualTo("/");
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/connexion");
    }

    @Test
    void fiveWrongPasswordsSuspendSigningInForFifteenMinutesEvenWithTheRightOne() throws IOException {
        String editor = newEditor("suspendue", FIRST_PASSWORD);
        Browser browser = browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(text(browser.signIn(editor, "mauvais mot de passe " + attempt)
                            .querySelector("[role=alert]")))
                    .isEqualTo(WRONG_PASSWORD);
        }

        HtmlPage refused = browser.signIn(editor, FIRST_PASSWORD);
        assertThat(path(refused)).isEqualTo("/connexion");
        assertThat(text(refused.querySelector("[role=alert]")))
                .isEqualTo("Trop de tentatives de connexion infructueuses\u202F: la connexion est suspendue."
                        + " Réessayez dans 15 minutes.");

        clock.advance(Duration.ofMinutes(14).plusSeconds(30));
        assertThat(text(browser.signIn(editor, FIRST_PASSWORD).querySelector("[role=alert]")))
                .endsWith("Réessayez dans 1 minute.");

        clock.advance(Duration.ofMinutes(1));
        HtmlPage signedIn = browser.signIn(editor, FIRST_PASSWORD);
        assertThat(path(signedIn)).isNotEqualTo("/connexion");
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
    }

    @Test
    void twentyFailuresFromOneAddressSuspendSigningInFromItWhateverTheUsername() throws IOException {
        String editor = newEditor("meme-adresse", FIRST_PASSWORD);
        Browser browser = browser();
        for (int attempt = 1; attempt <= 20; attempt++) {
            browser.signIn("inconnu-" + attempt, "mauvais mot de passe");
        }

        HtmlPage refused = browser.signIn(editor, FIRST_PASSWORD);

        assertThat(text(refused.querySelector("[role=alert]"))).startsWith("Trop de tentatives");
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/connexion");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
