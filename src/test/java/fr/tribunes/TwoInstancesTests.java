package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the archive on one PostgreSQL database, as {@code deploy/README.md} runs them behind a load
 * balancer: what an editor does through one instance is what readers get from the other within a few milliseconds
 * (the other reads the archive's stamp at most every 5 ms, for all its requests together), including on
 * pages the other has already served (and so might have kept), and conditional requests carrying what the other
 * sent before the edit get the new page, not 304. And what used to live in each instance's memory is shared through
 * the database (docs/adr/0009), so that the load balancer needs no sticky sessions: an editor signed in through one
 * instance works through the other, failed sign-ins and comments counted by one count on the other. The op-eds are
 * synthetic and say so.
 */
@Slow
class TwoInstancesTests {

    static EmbeddedPostgres postgres;

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstancesOnOneDatabase(@TempDir Path dataDirs) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        first = start(dataDirs.resolve("first"));
        second = start(dataDirs.resolve("second"));
    }

    /** An instance with the {@code postgres} profile, configured as the README says, on a port of its own. */
    static ConfigurableApplicationContext start(Path dataDir) {
        List<String> arguments = arguments(postgres, dataDir, 0, "postgres");
        // A comment form may be sent at once: the tests do not wait the 3 s a person takes.
        arguments.add("--tribunes.comments.min-delay=0s");
        return new SpringApplicationBuilder(TribunesApplication.class).run(arguments.toArray(String[]::new));
    }

    /**
     * The arguments of an instance on this database with these profiles (postgres among them), configured as the
     * README and deploy/ say, on this port (0: any).
     */
    static List<String> arguments(EmbeddedPostgres postgres, Path dataDir, int port, String profiles) {
        return new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.profiles.active=" + profiles,
                "--TRIBUNES_SITE_URL=https://tribunes.example",
                "--TRIBUNES_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--TRIBUNES_DB_USER=postgres",
                "--TRIBUNES_DB_PASSWORD=postgres",
                "--tribunes.data-dir=" + dataDir,
                // The first editor's, used by whichever instance starts first (there is no editor yet).
                "--tribunes.admin.password=" + SiteTest.PASSWORD));
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ArticleDraft draft(String sentence) {
        return draft(2001, sentence);
    }

    static ArticleDraft draft(int number, String sentence) {
        return new ArticleDraft(
                "Tribune synthétique n° " + number + " (données de test, deux instances)",
                "",
                "Chapô synthétique.",
                sentence + "\n\nDeuxième paragraphe synthétique.",
                "2024-03",
                false,
                null,
                "Média synthétique",
                "https://example.org/tribune-" + number,
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique " + number,
                        null,
                        "Rôle synthétique",
                        "Organisation synthétique " + number,
                        null)),
                List.of("Thème synthétique " + number),
                List.of());
    }

    /**
     * How long an instance may take to learn of another's edit: it reads the archive's stamp at most every
     * {@code tribunes.archive-version.max-age-ms} (5 ms by default) for all its requests together.
     */
    static void learnt() throws InterruptedException {
        Thread.sleep(10);
    }

    @Test
    void whatAnEditorChangesThroughOneInstanceTheOtherServesWithinMilliseconds() throws Exception {
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        long id = editor.create(draft("Premier état synthétique du texte."), "test");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        assertThat(get(second, path).statusCode()).isEqualTo(404);
        assertThat(get(second, "/").body()).doesNotContain(path);

        editor.publish(id, "test");
        learnt();

        HttpResponse<String> published = get(second, path);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("Premier état synthétique du texte.");
        assertThat(get(second, "/").body()).contains(path);
        assertThat(get(second, "/themes/theme-synthetique-2001").body()).contains(path);
        assertThat(get(second, "/flux.atom").body()).contains("Premier état synthétique du texte.");
        String etag = published.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        String lastModified =
                published.headers().firstValue(HttpHeaders.LAST_MODIFIED).orElseThrow();
        // Before the correction, the second instance answers its own validators with 304.
        assertThat(get(second, path, HttpHeaders.IF_NONE_MATCH, etag).statusCode())
                .isEqualTo(304);
        assertThat(get(second, path, HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .statusCode())
                .isEqualTo(304);

        editor.save(
                id,
                editor.find(id).orElseThrow().version(),
                draft("Second état synthétique du texte."),
                "Correction synthétique",
                "test");
        learnt();

        HttpResponse<String> corrected = get(second, path);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body())
                .contains("Second état synthétique du texte.")
                .doesNotContain("Premier état synthétique du texte.");
        assertThat(get(second, "/flux.atom").body())
                .contains("Second état synthétique du texte.")
                .doesNotContain("Premier état synthétique du texte.");
        assertThat(get(second, path + "/historique").body()).contains("Correction synthétique");
        // A browser or a CDN revalidating what the second instance sent before the edit gets the new page.
        HttpResponse<String> revalidated = get(second, path, HttpHeaders.IF_NONE_MATCH, etag);
        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(revalidated.body()).contains("Second état synthétique du texte.");
        assertThat(get(second, path, HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .statusCode())
                .isEqualTo(200);

        editor.unpublish(id);
        learnt();

        assertThat(get(second, path).statusCode()).isEqualTo(404);
        assertThat(get(second, "/").body()).doesNotContain(path);
    }

    @Test
    void anEditorSignedInThroughOneInstanceWorksThroughTheOther() throws Exception {
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        long id = editor.create(draft(2002, "Texte synthétique publié par l’autre instance."), "test");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        Browser browser = signedIn(first, SiteTest.EDITOR, SiteTest.PASSWORD);
        assertThat(browser.cookies).containsKey(EditorSession.COOKIE);

        // The same cookie, through the other instance: the back office, then the publish button's form.
        HttpResponse<String> backOffice = browser.get(second, "/admin/tribunes/" + id);
        assertThat(backOffice.statusCode()).isEqualTo(200);
        assertThat(backOffice.body())
                .contains("Connecté en tant que " + SiteTest.EDITOR)
                .contains(path.substring("/tribunes/".length()));
        String publication = "/admin/tribunes/" + id + "/publication";
        HttpResponse<String> published =
                browser.post(second, publication, "_csrf", csrf(backOffice.body(), publication));
        assertThat(location(published)).isEqualTo("/admin/tribunes/" + id);
        learnt();

        // The redirect followed through the first: the message the second left in the session is there.
        HttpResponse<String> after = browser.get(first, "/admin/tribunes/" + id);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Tribune publiée.");
        assertThat(get(first, path).statusCode()).isEqualTo(200);
        assertThat(get(second, path).body()).contains("Texte synthétique publié par l’autre instance.");

        // Signing out through the second ends the session on the first too, for whoever kept its cookie.
        String session = browser.cookies.get(EditorSession.COOKIE);
        HttpResponse<String> signedOut =
                browser.post(second, "/deconnexion", "_csrf", csrf(after.body(), "/deconnexion"));
        assertThat(location(signedOut)).isEqualTo("/");
        assertThat(location(get(first, "/admin/tribunes", "Cookie", EditorSession.COOKIE + "=" + session)))
                .isEqualTo("/connexion");
    }

    @Test
    void aPasswordChangedThroughOneInstanceEndsTheEditorsSessionOnTheOther() throws Exception {
        Browser redaction = signedIn(first, SiteTest.EDITOR, SiteTest.PASSWORD);
        String editors = redaction.get(first, "/admin/editeurs").body();
        String password = "phrase de passe synthétique de la rédactrice 2006";
        HttpResponse<String> added = redaction.post(
                first,
                "/admin/editeurs",
                "username",
                "synthetique-2006",
                "password",
                password,
                "confirmation",
                password,
                "_csrf",
                csrf(editors, "/admin/editeurs"));
        assertThat(location(added)).isEqualTo("/admin/editeurs");
        Browser laptop = signedIn(first, "synthetique-2006", password);
        Browser phone = signedIn(second, "synthetique-2006", password);

        String form = phone.get(second, "/admin/mot-de-passe").body();
        String changed = "autre phrase de passe synthétique de la rédactrice 2006";
        HttpResponse<String> done = phone.post(
                second,
                "/admin/mot-de-passe",
                "currentPassword",
                password,
                "newPassword",
                changed,
                "confirmation",
                changed,
                "_csrf",
                csrf(form, "/admin/mot-de-passe"));
        assertThat(location(done)).isEqualTo("/admin/mot-de-passe");

        // The session opened on the first instance ends at its next request there; the one that changed it stays.
        assertThat(location(laptop.get(first, "/admin/tribunes"))).isEqualTo("/connexion?fin");
        assertThat(phone.get(first, "/admin/tribunes").statusCode()).isEqualTo(200);
    }

    /** A browser signed in through this instance, as an editor signs in: the form, its CSRF token, the password. */
    static Browser signedIn(ConfigurableApplicationContext instance, String username, String password)
            throws IOException, InterruptedException {
        Browser browser = new Browser();
        HttpResponse<String> signInPage = browser.get(instance, "/connexion");
        HttpResponse<String> signedIn = browser.post(
                instance,
                "/connexion",
                "username",
                username,
                "password",
                password,
                "_csrf",
                csrf(signInPage.body(), "/connexion"));
        assertThat(location(signedIn)).isEqualTo("/admin/tribunes");
        return browser;
    }

    @Test
    void failedSignInsCountedByOneInstanceSuspendTheUsernameOnTheOther() throws Exception {
        Browser browser = new Browser();
        String token = csrf(browser.get(second, "/connexion").body(), "/connexion");
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> failed = browser.post(
                    attempt % 2 == 0 ? second : first,
                    "/connexion",
                    "username",
                    "synthetique-2003",
                    "password",
                    "mauvais mot de passe " + attempt,
                    "_csrf",
                    token);
            assertThat(location(failed)).isEqualTo("/connexion?echec&identifiant=synthetique-2003");
        }

        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            HttpResponse<String> refused = browser.post(
                    instance,
                    "/connexion",
                    "username",
                    "synthetique-2003",
                    "password",
                    "mauvais mot de passe 6",
                    "_csrf",
                    token);
            assertThat(location(refused)).isEqualTo("/connexion?suspendu=15&identifiant=synthetique-2003");
        }
        assertThat(browser.get(first, "/connexion?suspendu=15&identifiant=synthetique-2003")
                        .body())
                .contains("la connexion est suspendue");

        // Twenty at once, ten to each instance: five passwords checked, no more, as on one instance.
        List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            together.add(browser.postAsync(
                    attempt % 2 == 0 ? second : first,
                    "/connexion",
                    "username",
                    "synthetique-2004",
                    "password",
                    "mauvais mot de passe " + attempt,
                    "_csrf",
                    token));
        }
        List<String> answers = together.stream()
                .map(CompletableFuture::join)
                .map(TwoInstancesTests::location)
                .toList();
        assertThat(answers)
                .filteredOn(answer -> answer.startsWith("/connexion?echec"))
                .hasSize(5);
        assertThat(answers)
                .filteredOn(answer -> answer.startsWith("/connexion?suspendu="))
                .hasSize(15);
    }

    @Test
    void theCommentRateLimitCountsCommentsSentToEitherInstance() throws Exception {
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        long id = editor.create(draft(2005, "Tribune synthétique ouverte aux commentaires."), "test");
        editor.publish(id, "test");
        learnt();
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        String token = get(second, path).body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");

        // Five comments a sender may send in ten minutes: three through the first instance, two through the second.
        for (int comment = 1; comment <= 5; comment++) {
            HttpResponse<String> sent = comment(comment % 2 == 0 ? second : first, path, token, comment);
            assertThat(sent.statusCode()).as("comment %d", comment).isEqualTo(200);
        }

        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            HttpResponse<String> refused = comment(instance, path, token, 6);
            assertThat(refused.statusCode()).isEqualTo(429);
        }
        assertThat(first.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "select count(*) from comment where article_id = ? and status = 'PENDING'",
                                Long.class,
                                id))
                .isEqualTo(5);
    }

    /** A reader's comment, sent as the op-ed page's form sends it from the site. */
    static HttpResponse<String> comment(ConfigurableApplicationContext instance, String path, String token, int number)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(address(instance, path + "/commentaires"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://tribunes.example")
                        .POST(HttpRequest.BodyPublishers.ofString(form(
                                "comment",
                                "Commentaire synthétique n° " + number + " (données de test).",
                                "name",
                                "Lecteur synthétique",
                                "email",
                                "lecteur-synthetique@example.org",
                                "website",
                                "",
                                "subject",
                                "",
                                "token",
                                token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI address(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }

    static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** The CSRF token of the page's form posted to this address, as a browser sends it with the form. */
    static String csrf(String page, String action) {
        Matcher form = Pattern.compile("(?s)<form[^>]*action=\"" + Pattern.quote(action) + "\".*?</form>")
                .matcher(page);
        assertThat(form.find()).as("a form posted to %s", action).isTrue();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.group());
        assertThat(token.find())
                .as("the CSRF token of the form posted to %s", action)
                .isTrue();
        return token.group(1);
    }

    static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(302);
        return response.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
    }

    /**
     * An editor's browser in front of the load balancer: one site, whichever instance answers, so the cookies either
     * sets are sent to both. Kept as a browser keeps them: one set again replaces the one before, one expired goes.
     */
    static final class Browser {

        final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> get(ConfigurableApplicationContext instance, String path)
                throws IOException, InterruptedException {
            return keep(client.send(request(instance, path).build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String... form)
                throws IOException, InterruptedException {
            return keep(client.send(posting(instance, path, form), HttpResponse.BodyHandlers.ofString()));
        }

        CompletableFuture<HttpResponse<String>> postAsync(
                ConfigurableApplicationContext instance, String path, String... form) {
            return client.sendAsync(posting(instance, path, form), HttpResponse.BodyHandlers.ofString())
                    .thenApply(this::keep);
        }

        private HttpRequest posting(ConfigurableApplicationContext instance, String path, String... form) {
            return request(instance, path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                    .build();
        }

        private HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(address(instance, path));
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            for (String set : response.headers().allValues(HttpHeaders.SET_COOKIE)) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }
}
