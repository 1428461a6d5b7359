package fr.tribunes.pagecache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.EditorSession;
import fr.tribunes.TestClock;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The page cache as readers meet it: a page asked for again is the page kept (shown here by changing an op-ed's
 * title behind the application's back, without moving the archive's stamp: readers still get the kept page), and
 * any edit made through the application, which moves the stamp, is served from the next request on. The op-eds are
 * synthetic and say so.
 */
// An archive of its own: it checks which kept pages an edit leaves alone, which any other class's edit would change.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:page-cache-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
class PageCacheTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9]+)\\.");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ArticleEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Topics topics;

    static ArticleDraft draft(int n, String title) {
        return new ArticleDraft(
                title,
                "",
                "Chapô synthétique n° " + n + ".",
                "Paragraphe synthétique.",
                "2024-03",
                false,
                null,
                "Média synthétique",
                "https://example.org/tribune-" + n,
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique " + n, null, "Rôle synthétique", "Organisation synthétique " + n, null)),
                List.of("Thème synthétique " + n),
                List.of());
    }

    private long published(int n, String title) throws Exception {
        return published(n, draft(n, title));
    }

    private long published(int n, ArticleDraft draft) throws Exception {
        long id = editor.create(draft, "test");
        editor.publish(id, "test");
        return id;
    }

    private static String text(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Changes a title in the database without telling anyone, as nothing in the application does. */
    private void retitleBehindTheApplicationsBack(long id, String title) {
        jdbc.update("update article set title = ? where id = ?", title, id);
    }

    @Test
    void aPageAskedForAgainIsTheKeptOneUntilAnEditMovesTheStamp() throws Exception {
        long id = published(801, "Tribune synthétique n° 801 (données de test)");
        String slug = editor.find(id).orElseThrow().slug();
        String path = "/tribunes/" + slug;
        assertThat(text(mvc.get().uri(path).exchange())).contains("Tribune synthétique n° 801 (données de test)");

        retitleBehindTheApplicationsBack(id, "Tribune synthétique n° 801 changée en douce (données de test)");
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("served again from the cache, not rendered")
                .contains("Tribune synthétique n° 801 (données de test)")
                .doesNotContain("changée en douce");
        assertThat(text(mvc.get().uri("/themes/theme-synthetique-801").exchange()))
                .as("a page not asked for before is rendered")
                .contains("changée en douce");

        long version = editor.find(id).orElseThrow().version();
        editor.save(
                id,
                version,
                draft(801, "Tribune synthétique n° 801 corrigée (données de test)")
                        .withSlug(slug),
                "Correction du titre",
                "test");
        assertThat(editor.find(id).orElseThrow().slug()).isEqualTo(slug);
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("an edit moves the stamp: the page is rendered again")
                .contains("Tribune synthétique n° 801 corrigée (données de test)");
        assertThat(text(mvc.get().uri("/themes/theme-synthetique-801").exchange()))
                .contains("Tribune synthétique n° 801 corrigée (données de test)");
    }

    @Test
    void anEditRendersAgainOnlyThePagesShowingWhatItChanged() throws Exception {
        long edited = published(811, "Tribune synthétique n° 811 (données de test)");
        long other = published(812, "Tribune synthétique n° 812 (données de test)");
        String editedPath = "/tribunes/" + editor.find(edited).orElseThrow().slug();
        String otherPath = "/tribunes/" + editor.find(other).orElseThrow().slug();
        for (String path : List.of(editedPath, otherPath, "/themes/theme-synthetique-812", "/")) {
            assertThat(mvc.get().uri(path)).hasStatusOk();
        }
        retitleBehindTheApplicationsBack(other, "Tribune synthétique n° 812 changée en douce (données de test)");

        clock.advance(Duration.ofSeconds(1));
        editor.save(
                edited,
                editor.find(edited).orElseThrow().version(),
                draft(811, "Tribune synthétique n° 811 corrigée (données de test)")
                        .withSlug(editor.find(edited).orElseThrow().slug()),
                "Correction du titre",
                "test");

        assertThat(text(mvc.get().uri(editedPath).exchange())).contains("n° 811 corrigée");
        assertThat(text(mvc.get().uri(otherPath).exchange()))
                .as("another op-ed's page, which shows nothing of the one corrected, is still the kept one")
                .doesNotContain("changée en douce");
        assertThat(text(mvc.get().uri("/themes/theme-synthetique-812").exchange()))
                .as("so is its theme's page")
                .doesNotContain("changée en douce");
        assertThat(text(mvc.get().uri("/").exchange()))
                .as("the home page may show anything: rendered again after any edit")
                .contains("n° 811 corrigée")
                .contains("changée en douce");
    }

    @Test
    void aPageShowingAnOpEdAmongItsRelatedIsRenderedAgainWhenThatOpEdChanges() throws Exception {
        long related = published(821, shared(821, "Tribune synthétique n° 821 (données de test)"));
        long shown = published(822, shared(822, "Tribune synthétique n° 822 (données de test)"));
        String path = "/tribunes/" + editor.find(shown).orElseThrow().slug();
        assertThat(text(mvc.get().uri(path).exchange())).contains("Tribune synthétique n° 821 (données de test)");

        clock.advance(Duration.ofSeconds(1));
        String slug = editor.find(related).orElseThrow().slug();
        editor.save(
                related,
                editor.find(related).orElseThrow().version(),
                shared(821, "Tribune synthétique n° 821 corrigée (données de test)")
                        .withSlug(slug),
                "Correction du titre",
                "test");
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("the related op-ed's new title")
                .contains("Tribune synthétique n° 821 corrigée (données de test)");

        clock.advance(Duration.ofSeconds(1));
        long newcomer = published(823, shared(823, "Tribune synthétique n° 823 (données de test)"));
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("a newer op-ed of the same theme joins the related op-eds")
                .contains("Tribune synthétique n° 823 (données de test)");

        clock.advance(Duration.ofSeconds(1));
        editor.unpublish(newcomer);
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("and leaves them when withdrawn")
                .doesNotContain("Tribune synthétique n° 823 (données de test)");

        clock.advance(Duration.ofSeconds(1));
        TopicRef theme = topics.findBySlug("theme-synthetique-partage").orElseThrow();
        topics.update(theme.id(), "Thème synthétique partagé et renommé", theme.slug(), null);
        assertThat(text(mvc.get().uri(path).exchange()))
                .as("a theme renamed is renamed on the pages of its op-eds")
                .contains("Thème synthétique partagé et renommé");
    }

    /**
     * A synthetic op-ed by one author, filed under one theme, both shared by the op-eds of the test that uses it: once
     * they exist, publishing another creates nothing (a new theme or author changes everything).
     */
    static ArticleDraft shared(int n, String title) {
        ArticleDraft own = draft(n, title);
        return new ArticleDraft(
                own.title(),
                own.slug(),
                own.standfirst(),
                own.text(),
                "2024-0" + (n % 9 + 1),
                false,
                null,
                own.originalPublisher(),
                own.originalUrl(),
                List.of(new ArticleDraft.Byline("Auteur synthétique partagé", null, null, null, null)),
                List.of("Thème synthétique partagé"),
                List.of());
    }

    @Test
    void aKeptPageCarriesACommentFormRenderedNowAndKeepsItsETag() throws Exception {
        long id = published(802, "Tribune synthétique n° 802 (données de test)");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        MvcTestResult first = mvc.get().uri(path).exchange();
        clock.advance(Duration.ofSeconds(42));
        MvcTestResult second = mvc.get().uri(path).exchange();

        long firstIssued = issued(text(first));
        assertThat(issued(text(second))).isEqualTo(firstIssued + 42);
        assertThat(text(second).replaceAll("value=\"[0-9]+\\.[^\"]*\"", ""))
                .isEqualTo(text(first).replaceAll("value=\"[0-9]+\\.[^\"]*\"", ""));
        assertThat(second.getResponse().getHeader(HttpHeaders.ETAG))
                .isEqualTo(first.getResponse().getHeader(HttpHeaders.ETAG))
                .startsWith("W/");
        assertThat(second.getResponse().getContentLength())
                .isEqualTo(second.getResponse().getContentAsByteArray().length);
    }

    private static long issued(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).as("the comment form's token").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void conditionalRequestsAndHeadAreAnsweredFromTheKeptPage() throws Exception {
        long id = published(803, "Tribune synthétique n° 803 (données de test)");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        MvcTestResult first = mvc.get().uri(path).exchange();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);

        MvcTestResult revalidated =
                mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange();
        assertThat(revalidated).hasStatus(304);
        assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(revalidated.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(revalidated.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public, max-age=300");

        assertThat(mvc.get()
                        .uri(path)
                        .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .exchange())
                .hasStatus(304);
        assertThat(mvc.get()
                        .uri(path)
                        .header(HttpHeaders.IF_NONE_MATCH, "\"autre\"")
                        .exchange())
                .hasStatusOk();

        MvcTestResult head = mvc.head().uri(path).exchange();
        assertThat(head).hasStatusOk();
        assertThat(head.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(head.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(head.getResponse().getContentType()).startsWith("text/html");
    }

    @Test
    void onlyASignedInEditorGetsAPageRenderedForIt() throws Exception {
        long id = published(804, "Tribune synthétique n° 804 (données de test)");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        mvc.get().uri(path).exchange();
        retitleBehindTheApplicationsBack(id, "Tribune synthétique n° 804 changée en douce (données de test)");

        assertThat(text(mvc.get()
                        .uri(path)
                        .cookie(new Cookie(
                                EditorSession.COOKIE,
                                EditorSession.cookieValue("00000000-0000-4000-8000-000000000804")))
                        .exchange()))
                .as("a made-up session cookie does not get past the cache")
                .doesNotContain("changée en douce");

        MvcTestResult editors =
                mvc.get().uri(path).with(EditorSession.signedIn()).exchange();
        assertThat(text(editors)).as("a signed-in editor's page is rendered").contains("changée en douce");
        assertThat(editors.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(text(mvc.get().uri(path).exchange())).doesNotContain("changée en douce");
    }

    @Test
    void parametersAPageDoesNotReadNeitherMissTheCacheNorFillIt() throws Exception {
        long id = published(807, "Tribune synthétique n° 807 (données de test)");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        mvc.get().uri(path).exchange();
        retitleBehindTheApplicationsBack(id, "Tribune synthétique n° 807 changée en douce (données de test)");

        for (String query : List.of("?utm_source=lettre&utm_medium=courriel", "?x=1", "?fbclid=abc%20d", "?page")) {
            assertThat(text(mvc.get().uri(path + query).exchange()))
                    .as(query + " is served the kept page")
                    .contains("Tribune synthétique n° 807 (données de test)")
                    .doesNotContain("changée en douce");
        }
        // A parameter a page reads is part of the key: page 2 of a theme is not its page 1.
        assertThat(keyOf("/themes/pme", "page", "2", "utm_source", "x"))
                .isEqualTo(keyOf("/themes/pme", "page", "2"))
                .isNotEqualTo(keyOf("/themes/pme"));
        assertThat(keyOf("/api/tribunes", "page", "1&theme=pme"))
                .as("a value cannot pass for two parameters")
                .isNotEqualTo(keyOf("/api/tribunes", "page", "1", "theme", "pme"));
    }

    private static String keyOf(String path, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return PageCache.key(request);
    }

    @Test
    void aNotFoundPageIsNotKept() throws Exception {
        String path = "/tribunes/tribune-synthetique-805-renommee";
        long id = published(805, "Tribune synthétique n° 805 (données de test)");
        assertThat(mvc.get().uri(path).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(path).exchange()).hasStatus(404);
        jdbc.update("update article set slug = ? where id = ?", "tribune-synthetique-805-renommee", id);
        assertThat(mvc.get().uri(path).exchange()).hasStatusOk();
    }

    @Test
    void aKeptPageGoesOutCompressedToClientsThatAcceptGzipWithItsFormStillRenewed() throws Exception {
        long id = published(806, "Tribune synthétique n° 806 (données de test)");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        mvc.get().uri(path).exchange();
        clock.advance(Duration.ofSeconds(7));
        MvcTestResult plain = mvc.get().uri(path).exchange();
        MvcTestResult gzipped = mvc.get()
                .uri(path)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br")
                .exchange();

        assertThat(gzipped.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING))
                .isEqualTo("gzip");
        assertThat(gzipped.getResponse().getHeaders(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
        byte[] compressed = gzipped.getResponse().getContentAsByteArray();
        assertThat(compressed.length).isEqualTo(gzipped.getResponse().getContentLength());
        assertThat(compressed.length).isLessThan(plain.getResponse().getContentAsByteArray().length / 2);
        String unzipped;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).isEqualTo(text(plain));
        assertThat(issued(unzipped)).isEqualTo(issued(text(plain)));
        assertThat(gzipped.getResponse().getHeader(HttpHeaders.ETAG))
                .isEqualTo(plain.getResponse().getHeader(HttpHeaders.ETAG));

        assertThat(mvc.get()
                        .uri(path)
                        .header(HttpHeaders.ACCEPT_ENCODING, "gzip;q=0, identity")
                        .exchange()
                        .getResponse()
                        .getHeader(HttpHeaders.CONTENT_ENCODING))
                .isNull();
    }

    @Test
    void anApiAnswerKeptForThisSiteIsNotGivenToAnotherSiteWithoutItsCorsHeader() throws Exception {
        assertThat(mvc.get().uri("/api/themes").exchange().getResponse().getHeader("Access-Control-Allow-Origin"))
                .isNull();
        assertThat(mvc.get().uri("/api/themes").header(HttpHeaders.ORIGIN, "https://exemple.org"))
                .hasStatusOk()
                .hasHeader("Access-Control-Allow-Origin", "*");
        assertThat(mvc.get().uri("/api/themes").exchange().getResponse().getHeader("Access-Control-Allow-Origin"))
                .isNull();
    }
}
