package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import fr.tribunes.article.internal.RevisionFormatTests;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What editors do, seen from the public side: drafts show nowhere, publishing shows them everywhere, corrections
 * are recorded and shown, changed addresses redirect, concurrent saves never overwrite each other, and caches see
 * every change. All op-eds here are synthetic and say so.
 */
@SiteTest
class ArticleEditorTests {

    private static final AtomicInteger NUMBER = new AtomicInteger(100);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ArticleEditor editor;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    /** A synthetic op-ed with its own author, theme and organisation, and a word found nowhere else. */
    static ArticleDraft draft(int n, String word) {
        return new ArticleDraft(
                "Tribune synthétique n° " + n + " (données de test)",
                "",
                "Chapô synthétique n° " + n + ".",
                "Premier paragraphe synthétique avec le mot " + word + ".\n\n## Un intertitre\n\nDeuxième paragraphe.",
                "2024-03",
                false,
                null,
                "Média synthétique",
                "https://example.org/tribune-" + n,
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique " + n, null, "Rôle synthétique", "Organisation synthétique " + n, null)),
                List.of("Thème synthétique " + n),
                List.of(new ArticleDraft.Mentioned("Organisation synthétique " + n, null)));
    }

    private String body(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();
        return result.getResponse().getStatus() + "\n" + contentOf(result);
    }

    private static String contentOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String slugOf(long id) {
        return editor.find(id).orElseThrow().slug();
    }

    /** Every public address a draft could leak through. */
    private List<String> publicAddresses(String slug, int n) {
        return List.of(
                "/",
                "/archives",
                "/archives/2024",
                "/auteurs",
                "/themes",
                "/organisations",
                "/flux.atom",
                "/api/tribunes",
                "/api/auteurs",
                "/api/themes",
                "/api/organisations",
                "/sitemap.xml",
                "/sitemaps/pages.xml",
                "/sitemaps/tribunes-1.xml",
                "/recherche?q=ornithorynque" + n,
                "/tribunes/" + slug,
                "/api/tribunes/" + slug,
                "/tribunes/" + slug + ".md",
                "/tribunes/" + slug + "/citation.bib",
                "/auteurs/auteur-synthetique-" + n,
                "/themes/theme-synthetique-" + n,
                "/organisations/organisation-synthetique-" + n);
    }

    @Test
    void aDraftShowsNowhereUntilPublishedThenEverywhere() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "ornithorynque" + n), "test");
        String slug = slugOf(id);
        assertThat(slug).isEqualTo("tribune-synthetique-n-" + n + "-donnees-de-test");

        for (String path : publicAddresses(slug, n)) {
            String body = body(path);
            if (!body.startsWith("404")) {
                // A "not found" page repeats the address asked for; any other page must not know it.
                assertThat(body).as(path).doesNotContain(slug);
            }
            assertThat(body)
                    .as(path)
                    .doesNotContain("Tribune synthétique n° " + n + " ")
                    .doesNotContain("Auteur synthétique " + n)
                    .doesNotContain("Thème synthétique " + n)
                    .doesNotContain("ornithorynque" + n + ".");
        }
        assertThat(mvc.get().uri("/tribunes/" + slug).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/auteurs/auteur-synthetique-" + n).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/themes/theme-synthetique-" + n).exchange()).hasStatus(404);

        editor.publish(id, "test");

        assertThat(mvc.get().uri("/tribunes/" + slug).exchange()).hasStatus(200);
        for (String path : List.of(
                "/",
                "/archives/2024",
                "/flux.atom",
                "/api/tribunes",
                "/sitemaps/tribunes-1.xml",
                "/recherche?q=ornithorynque" + n,
                "/auteurs/auteur-synthetique-" + n,
                "/themes/theme-synthetique-" + n,
                "/organisations/organisation-synthetique-" + n)) {
            assertThat(body(path)).as(path).startsWith("200").contains(slug);
        }
        assertThat(body("/auteurs")).contains("Auteur synthétique " + n);
        assertThat(body("/themes")).contains("Thème synthétique " + n);
        assertThat(body("/organisations")).contains("Organisation synthétique " + n);

        editor.unpublish(id);
        assertThat(mvc.get().uri("/tribunes/" + slug).exchange()).hasStatus(404);
        assertThat(body("/recherche?q=ornithorynque" + n)).doesNotContain(slug);
    }

    @Test
    void aCorrectionIsRecordedAndShownAsADiffAndAnOlderVersionCanBeRestored() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "avant"), "test");
        editor.publish(id, "test");
        String slug = slugOf(id);
        assertThat(body("/tribunes/" + slug + "/historique"))
                .contains("Version n° 1 du")
                .contains("Publication");

        ArticleDraft corrected = draft(n, "après");
        assertThatThrownBy(() -> editor.save(id, editor.find(id).orElseThrow().version(), corrected, " ", "test"))
                .isInstanceOf(InvalidDraftException.class)
                .satisfies(e -> assertThat(((InvalidDraftException) e).errors()).containsKey("reason"));
        editor.save(id, editor.find(id).orElseThrow().version(), corrected, "Coquille de transcription", "test");

        assertThat(body("/tribunes/" + slug)).contains("avec le mot après.");
        String history = body("/tribunes/" + slug + "/historique");
        assertThat(history)
                .contains("Coquille de transcription")
                .contains("<del>avant.</del><ins>après.</ins>")
                .contains("Version n° 2 du");

        editor.restore(id, 1, "test");
        assertThat(body("/tribunes/" + slug)).contains("avec le mot avant.");
        assertThat(body("/tribunes/" + slug + "/historique"))
                .contains("Rétablissement de la version n° 1")
                .contains("<del>après.</del><ins>avant.</ins>");
        assertThat(body("/tribunes/" + slug + "/historique?version=2")).contains("<del>avant.</del><ins>après.</ins>");
        assertThat(mvc.get().uri("/tribunes/" + slug + "/historique?version=9").exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/tribunes/" + slug + "/historique?version=-1").exchange())
                .hasStatus(400);
    }

    @Test
    void aRevisionStoredInFormatOneIsShownInTheHistoryAndRestoredWhole() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "courant"), "test");
        editor.publish(id, "test");
        // A revision as format 1 wrote it, stored as every revision before migration V9 was.
        jdbc.update(
                "insert into article_revision (article_id, number, saved_at, editor, reason, snapshot, snapshot_format)"
                        + " values (?, 2, current_timestamp, 'test', 'Version au format 1', ?, 1)",
                id,
                RevisionFormatTests.format1Snapshot());

        assertThat(body("/tribunes/" + slugOf(id) + "/historique?version=2"))
                .contains("Version au format 1")
                .contains("<ins>paragraphe, avec une coquille volontaire : « fromat ».</ins>");
        editor.restore(id, 2, "test");

        ArticleDraft restored = editor.find(id).orElseThrow().draft();
        assertThat(restored.text()).isEqualTo(RevisionFormatTests.FORMAT_1.text());
        assertThat(body("/tribunes/tribune-synthetique-au-format-1.md"))
                .contains("# Tribune synthétique au format 1 : « guillemets », l’apostrophe (données de test)")
                .contains("Deuxième paragraphe, avec une coquille volontaire : « fromat ».")
                .contains("Auteur Synthétique")
                .contains("Autrice Synthétique");
        assertThat(restored.themes()).containsExactlyInAnyOrderElementsOf(RevisionFormatTests.FORMAT_1.themes());
        assertThat(restored.organisations())
                .containsExactlyInAnyOrderElementsOf(RevisionFormatTests.FORMAT_1.organisations());
        assertThat(restored.dateApproximate()).isTrue();
        assertThat(restored.dateNote()).isEqualTo(RevisionFormatTests.FORMAT_1.dateNote());
    }

    @Test
    void theFirstCorrectionOfTheSeededOpEdKeepsTheVersionItReplaces() throws Exception {
        assertThat(body(SeedTribune.PATH + "/historique")).contains("Aucune correction depuis son entrée");
        long id = jdbc.queryForObject("select id from article where slug = ?", Long.class, SeedTribune.SLUG);
        ArticleEditor.Edited seed = editor.find(id).orElseThrow();
        // Saving it unchanged changes nothing and records nothing.
        editor.save(id, seed.version(), seed.draft(), "Rien", "test");
        assertThat(editor.revisions(id)).isEmpty();
        assertThat(editor.find(id).orElseThrow().draft()).isEqualTo(seed.draft());
    }

    @Test
    void aSecondEditorSavingFromAnOlderVersionIsRefusedAndNothingIsOverwritten() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "premier"), "test");
        long opened = editor.find(id).orElseThrow().version();
        editor.save(id, opened, draft(n, "deuxième"), null, "premier-editeur");

        assertThatThrownBy(() -> editor.save(id, opened, draft(n, "troisième"), null, "second-editeur"))
                .isInstanceOf(EditConflictException.class);
        assertThat(editor.find(id).orElseThrow().draft().text())
                .contains("deuxième")
                .doesNotContain("troisième");
    }

    @Test
    void aChangedAddressAnswersAPermanentRedirect() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "adresse"), "test");
        editor.publish(id, "test");
        String old = slugOf(id);
        ArticleDraft moved = draft(n, "adresse").withSlug("nouvelle-adresse-" + n);
        editor.save(id, editor.find(id).orElseThrow().version(), moved, "Adresse plus courte", "test");

        assertThat(mvc.get().uri("/tribunes/" + old).exchange())
                .hasStatus(301)
                .headers()
                .hasValue(HttpHeaders.LOCATION, "/tribunes/nouvelle-adresse-" + n);
        assertThat(mvc.get().uri("/tribunes/" + old + "/historique").exchange())
                .hasStatus(301)
                .headers()
                .hasValue(HttpHeaders.LOCATION, "/tribunes/nouvelle-adresse-" + n + "/historique");
        assertThat(mvc.get().uri("/tribunes/nouvelle-adresse-" + n).exchange()).hasStatus(200);
    }

    @Test
    void aRenamedThemeRedirectsAndIsFoundByItsNewName() {
        int n = NUMBER.incrementAndGet();
        long id;
        try {
            id = editor.create(draft(n, "renommage"), "test");
        } catch (InvalidDraftException e) {
            throw new AssertionError(e);
        }
        editor.publish(id, "test");
        TopicRef theme = topics.findBySlug("theme-synthetique-" + n).orElseThrow();
        topics.update(theme.id(), "Thème renommé zygomatique " + n, "theme-renomme-" + n, "Description synthétique.");

        assertThat(mvc.get().uri("/themes/theme-synthetique-" + n + "?page=1").exchange())
                .hasStatus(301)
                .headers()
                .hasValue(HttpHeaders.LOCATION, "/themes/theme-renomme-" + n + "?page=1");
        assertThat(body("/themes/theme-renomme-" + n)).contains("Description synthétique.");
        assertThat(body("/recherche?q=zygomatique")).contains(slugOf(id));
    }

    @Test
    void anEditChangesLastModifiedAndTheETag() throws Exception {
        int n = NUMBER.incrementAndGet();
        long id = editor.create(draft(n, "cache"), "test");
        editor.publish(id, "test");
        String path = "/tribunes/" + slugOf(id);
        MvcTestResult first = mvc.get().uri(path).exchange();
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(lastModified).isNotNull();
        assertThat(mvc.get()
                        .uri(path)
                        .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .exchange())
                .hasStatus(304);
        assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange())
                .hasStatus(304);

        editor.save(id, editor.find(id).orElseThrow().version(), draft(n, "antémémoire"), "Test", "test");

        MvcTestResult after = mvc.get()
                .uri(path)
                .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                .exchange();
        assertThat(after).hasStatus(200);
        assertThat(after.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNotEqualTo(lastModified);
        assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange())
                .hasStatus(200);
    }
}
