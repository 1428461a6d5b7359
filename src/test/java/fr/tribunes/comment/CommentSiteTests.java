package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import fr.tribunes.TestClock;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a real port, read and used as readers and editors do: HtmlUnit for the pages and forms,
 * {@code java.net.http} for what a script would send. A clock the tests move forward stands in for waiting. The
 * subclasses share one application; each test writes on op-eds of its own, all synthetic, and every comment here
 * is synthetic too and says so.
 */
@SiteTest
abstract class CommentSiteTests {

    static final String EDITOR = SiteTest.EDITOR;

    static final String PASSWORD = SiteTest.PASSWORD;

    /** How long a person takes at least to write a comment, and more than the form's minimum delay. */
    static final Duration WRITING = Duration.ofSeconds(30);

    private static final AtomicInteger NUMBER = new AtomicInteger(700);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ArticleEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final List<WebClient> clients = new ArrayList<>();

    /** Whatever an earlier test sent is out of the rate limit's window (10 minutes). */
    @BeforeEach
    void afterTheRateLimitWindow() {
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void closeBrowsers() {
        clients.forEach(WebClient::close);
    }

    /** A browser without scripts, keeping its cookies. */
    WebClient browser() {
        WebClient client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        clients.add(client);
        return client;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HtmlPage open(WebClient browser, String path) throws IOException {
        return browser.getPage(url(path));
    }

    /** A synthetic op-ed of the test's own, published; answers its number and slug. */
    Published publishedTribune() throws Exception {
        int n = NUMBER.incrementAndGet();
        ArticleDraft draft = new ArticleDraft(
                "Tribune synthétique n° " + n + " (données de test)",
                "",
                "Chapô synthétique n° " + n + ".",
                "Paragraphe synthétique n° " + n + ", écrit pour les tests des commentaires.",
                "2024-05",
                false,
                null,
                null,
                null,
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique " + n, null, null, "Organisation synthétique " + n, null)),
                List.of("Thème synthétique " + n),
                List.of(new ArticleDraft.Mentioned("Organisation synthétique " + n, null)));
        long id = editor.create(draft, "test");
        editor.publish(id, "test");
        return new Published(n, id, editor.find(id).orElseThrow().slug());
    }

    record Published(int number, long id, String slug) {

        String path() {
            return "/tribunes/" + slug;
        }
    }

    /** What a reader types in the comment form. */
    record Typed(String comment, String name, String email, String website) {

        static Typed valid(String email) {
            return new Typed(
                    "Commentaire synthétique, écrit pour les tests.", "Lectrice synthétique (test)", email, "");
        }

        Typed withComment(String value) {
            return new Typed(value, name, email, website);
        }

        Typed withName(String value) {
            return new Typed(comment, value, email, website);
        }

        Typed withEmail(String value) {
            return new Typed(comment, name, value, website);
        }

        Typed withWebsite(String value) {
            return new Typed(comment, name, email, value);
        }
    }

    /** Fills the comment form on a page, as a person does. */
    static void fill(HtmlPage page, Typed typed) {
        HtmlForm form = page.querySelector("form.comment-form");
        form.getTextAreaByName("comment").setText(typed.comment());
        form.<HtmlInput>getInputByName("name").setValue(typed.name());
        form.<HtmlInput>getInputByName("email").setValue(typed.email());
        form.<HtmlInput>getInputByName("website").setValue(typed.website());
    }

    static HtmlPage send(HtmlPage page) throws IOException {
        return page.<HtmlElement>querySelector("form.comment-form button[type=submit]")
                .click();
    }

    /** Opens the op-ed, writes for a while, sends: the answer. */
    HtmlPage comment(Published tribune, Typed typed) throws IOException {
        HtmlPage page = open(browser(), tribune.path());
        fill(page, typed);
        clock.advance(WRITING);
        return send(page);
    }

    /** The token of the form on an op-ed page, as a script would read it. */
    String tokenOf(Published tribune) throws Exception {
        String page = get(tribune.path()).body();
        int at = page.indexOf("name=\"token\" value=\"");
        assertThat(at).as("the op-ed page carries a form token").isPositive();
        int from = at + "name=\"token\" value=\"".length();
        return page.substring(from, page.indexOf('"', from));
    }

    /** The form's fields, as a script sends them. */
    static Map<String, String> fields(Typed typed, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("comment", typed.comment());
        fields.put("name", typed.name());
        fields.put("email", typed.email());
        fields.put("website", typed.website());
        fields.put("token", token);
        fields.put("subject", "");
        return fields;
    }

    HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An editor signed in through the sign-in page; answers the browser, on the moderation queue. */
    HtmlPage signedInModeration() throws IOException {
        WebClient client = browser();
        HtmlPage signIn = open(client, "/admin/commentaires");
        assertThat(signIn.getUrl().getPath()).isEqualTo("/connexion");
        HtmlForm form = signIn.querySelector("form.sign-in-form");
        form.<HtmlInput>getInputByName("username").setValue(EDITOR);
        form.<HtmlInput>getInputByName("password").setValue(PASSWORD);
        HtmlPage queue = signIn.<HtmlElement>querySelector("form.sign-in-form button[type=submit]")
                .click();
        assertThat(queue.getUrl().getPath()).isEqualTo("/admin/commentaires");
        return queue;
    }

    /** Ticks these comments in the queue and presses one of its buttons (approuver, indesirable, supprimer). */
    static HtmlPage moderate(HtmlPage queue, String action, long... ids) throws IOException {
        for (long id : ids) {
            HtmlInput box = queue.querySelector("input[name=ids][value='" + id + "']");
            assertThat(box).as("comment %d in the queue shown", id).isNotNull();
            box.setChecked(true);
        }
        return queue.<HtmlElement>querySelector(".bulk-actions button[value=" + action + "]")
                .click();
    }

    /** The key of the last comment sent with this address. */
    long commentId(String email) {
        return jdbc.queryForObject("select max(id) from comment where email_normalised = lower(?)", Long.class, email);
    }

    long commentsFrom(String email) {
        return jdbc.queryForObject("select count(*) from comment where email_normalised = lower(?)", Long.class, email);
    }

    String statusOf(long id) {
        return jdbc.queryForObject("select status from comment where id = ?", String.class, id);
    }

    static String text(DomNode node) {
        return node == null
                ? ""
                : node.getTextContent().replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }

    /** A unique synthetic address for one test. */
    static String email(String who) {
        return who + "." + NUMBER.incrementAndGet() + "@exemple.test";
    }

    /** Sends a raw form with HtmlUnit, cookies included (an editor's browser, a forged request). */
    static Page postWith(WebClient client, String url, Map<String, String> fields) throws IOException {
        WebRequest request = new WebRequest(new URL(url), HttpMethod.POST);
        request.setCharset(StandardCharsets.UTF_8);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        return client.getPage(request);
    }
}
