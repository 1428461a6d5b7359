package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.pagecache.ArchiveVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The op-ed page among synthetic neighbours: related op-eds, and text that tries to break out of the page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class ArticlePageTests {

    /** This class's synthetic op-eds are numbered from here, apart from other classes' in the shared site. */
    static final int N = 2000;

    static final String[] THEMES = {"theme-page-a", "theme-page-b", "theme-page-c", "theme-page-d"};

    static final String HOSTILE = " </script><script>alert(1)</script> & <b>gras</b>";

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addSyntheticArticles(@Autowired ApplicationContext site) {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        // Themes of their own, which no other class files anything under.
        for (String theme : THEMES) {
            synthetic.addFacet("topic", theme, "Thème synthétique " + theme + " (données de test)");
        }
        synthetic.add(N, LocalDate.of(2015, 1, 1), THEMES);
        // Share three themes with op-ed N, then two, then one each (the newest of those first).
        synthetic.add(N + 1, LocalDate.of(2016, 1, 1), THEMES[0], THEMES[1], THEMES[2]);
        synthetic.add(N + 2, LocalDate.of(2016, 1, 2), THEMES[0], THEMES[1]);
        synthetic.add(N + 3, LocalDate.of(2016, 1, 3), THEMES[1]);
        synthetic.add(N + 4, LocalDate.of(2016, 1, 4), THEMES[0]);
        synthetic.add(N + 5, LocalDate.of(2016, 1, 5), THEMES[3]);
        synthetic.add(N + 6, HOSTILE, LocalDate.of(2016, 1, 6));
    }

    @Test
    void relatedTribunesComeMostSharedThemesFirstThenNewestAndStopAtFour() throws Exception {
        String page = page("/tribunes/" + SyntheticArticles.slug(N));

        String related = page.substring(page.indexOf("Sur les mêmes thèmes"));
        assertThat(related)
                .containsSubsequence(
                        "/tribunes/" + SyntheticArticles.slug(N + 1),
                        "/tribunes/" + SyntheticArticles.slug(N + 2),
                        "/tribunes/" + SyntheticArticles.slug(N + 5),
                        "/tribunes/" + SyntheticArticles.slug(N + 4))
                .doesNotContain("/tribunes/" + SyntheticArticles.slug(N + 3) + "\"")
                .doesNotContain("/tribunes/" + SyntheticArticles.slug(N + 6) + "\"")
                .doesNotContain("href=\"/tribunes/" + SyntheticArticles.slug(N) + "\"");
    }

    @Test
    void storedTextCannotBreakOutOfThePageOrItsStructuredData() throws Exception {
        String page = page("/tribunes/" + SyntheticArticles.slug(N + 6));

        assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>gras</b>");
        String json = page.substring(page.indexOf("<script type=\"application/ld+json\">")
                + "<script type=\"application/ld+json\">".length());
        json = json.substring(0, json.indexOf("</script>"));
        JsonNode data = JsonMapper.builder().build().readTree(json);
        assertThat(data.path("headline").asString()).isEqualTo(SyntheticArticles.title(N + 6) + HOSTILE);
    }

    @Test
    void aHeadRequestGetsTheSameCachingHeadersAsAGet() {
        String path = "/tribunes/" + SyntheticArticles.slug(N + 5);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(path)))
                .hasStatusOk()
                .hasHeader("Cache-Control", "public, max-age=300");
    }

    @Test
    void anUnchangedPageAnswers304AndAnEditTurnsItBackInto200(
            @Autowired JdbcTemplate jdbc,
            @Autowired TransactionTemplate transaction,
            @Autowired ArchiveVersion version) {
        String path = "/tribunes/" + SyntheticArticles.slug(N + 5);
        MvcTestResult first = mvc.get().uri(path).exchange();
        assertThat(first).hasStatusOk().hasHeader("Cache-Control", "public, max-age=300");
        String etag = first.getResponse().getHeader("ETag");
        // Weak: the comment form's signed token differs from one answer to the next, the rest is the same.
        assertThat(etag).startsWith("W/\"");

        MvcTestResult again = mvc.get().uri(path).header("If-None-Match", etag).exchange();
        assertThat(again).hasStatus(304);
        assertThat(again.getResponse().getContentLength()).isZero();

        // As every edit made through the application does: the change and the archive's stamp in one transaction.
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "update article_block set body = ? where article_id = (select id from article where slug = ?)",
                    "Paragraphe synthétique modifié pour le test.",
                    SyntheticArticles.slug(N + 5));
            version.changed(Instant.now());
        });
        MvcTestResult edited = mvc.get().uri(path).header("If-None-Match", etag).exchange();
        assertThat(edited).hasStatusOk();
        assertThat(edited.getResponse().getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void errorPagesAreNeverKept() {
        assertThat(mvc.get().uri("/tribunes/inconnue")).hasStatus(404).hasHeader("Cache-Control", "no-store");
    }

    private String page(String path) throws Exception {
        return mvc.get().uri(path).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
