package fr.tribunes.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SyntheticArticles;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** French search over the seeded tribune and a few synthetic op-eds, as a reader types. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// An archive of its own: it counts the results and facets of searches over the whole archive.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:search-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class SearchTests {

    static final String SEED = "href=\"" + SeedTribune.PATH + "\"";

    static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addSyntheticArticles(
            @Autowired ApplicationContext site, @Autowired JdbcTemplate jdbc, @Autowired SearchIndex index) {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.add(1, LocalDate.of(2019, 5, 2), "cloud-souverain");
        synthetic.add(2, LocalDate.of(2020, 6, 3), "pme");
        synthetic.add(3, LocalDate.of(2021, 7, 4), "pme");
        synthetic.add(4, LocalDate.of(2022, 8, 5));
        jdbc.update(
                "update article_block set body = ? where article_id = (select id from article where slug = ?)",
                "La souveraineté numérique passe par le cloud.",
                SyntheticArticles.slug(1));
        jdbc.update(
                "update article_block set body = ? where article_id = (select id from article where slug = ?)",
                "Un cloud public, sans autre adjectif.",
                SyntheticArticles.slug(2));
        jdbc.update(
                "update article_block set body = ? where article_id = (select id from article where slug = ?)",
                "Texte hostile " + HOSTILE + " autour du mot hippopotame.",
                SyntheticArticles.slug(3));
        index.reindex(List.of(id(jdbc, 1), id(jdbc, 2), id(jdbc, 3), id(jdbc, 4)));
        indexed();
    }

    /** Returns once what was given to the index can be searched: at once here, later on a search cluster. */
    void indexed() {}

    private static long id(JdbcTemplate jdbc, int number) {
        return jdbc.queryForObject("select id from article where slug = ?", Long.class, SyntheticArticles.slug(number));
    }

    private String search(String query) {
        return body(mvc.get().uri("/recherche").param("q", query).exchange(), 200);
    }

    private static String body(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status);
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "numergy",
                "NUMERGY",
                "Numergy Cloudwatt",
                "l'etat",
                "l’État",
                "etat",
                "epingle",
                "épingles",
                "\"cloud souverain\"",
                "vrangos",
                "i-tracing",
                "politique industrielle",
                "AtosBull"
            })
    void findsTheSeededTribune(String query) {
        assertThat(search(query)).contains(SEED).contains("<mark>");
    }

    @Test
    void singularPluralAndVerbShareTheirStem() {
        // Light French stemming: "financements", "financement" and "financer" all reduce to "financ".
        assertThat(search("financements")).contains(SEED);
        assertThat(search("financement")).contains(SEED);
    }

    @Test
    void accentsAndCaseNeverMatter() {
        // The seed never writes "souveraineté" (only "souverain"), so it is rightly not found; the synthetic
        // op-ed that does is found however the word is typed.
        String results = search("souverainete");
        assertThat(results)
                .contains("href=\"/tribunes/" + SyntheticArticles.slug(1) + "\"")
                .doesNotContain(SEED);
        assertThat(search("SOUVERAINETÉ")).contains("href=\"/tribunes/" + SyntheticArticles.slug(1) + "\"");
    }

    @Test
    void severalWordsMustAllMatchAndAPhraseMustMatchInOrder() {
        assertThat(search("numergy hippopotame")).contains("Aucune tribune trouvée");
        assertThat(search("\"souverain cloud\"")).doesNotContain(SEED);
        assertThat(search("cloud souverain")).contains(SEED);
        // The seed's themes « cloud souverain » and « cloud computing » sit side by side in the index: a phrase
        // must not run from one into the other, whatever their order.
        assertThat(search("\"souverain cloud computing\"")).doesNotContain(SEED);
        assertThat(search("\"computing cloud souverain\"")).doesNotContain(SEED);
    }

    @Test
    void aMinusExcludesAWord() {
        String results = search("cloud -souverain");
        assertThat(results)
                .contains("href=\"/tribunes/" + SyntheticArticles.slug(2) + "\"")
                .doesNotContain(SEED);
    }

    @Test
    void aWordAbsentFromTheArchiveFindsNothing() {
        assertThat(search("anticonstitutionnellement"))
                .contains("Aucune tribune trouvée")
                .doesNotContain(SEED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AND (", "*", "\"", "\\", "~", ")(", "-", "+", "|", "\"\"", "~~~", "*:*", "title:x", "a~2", "[", "{"
            })
    void luceneSyntaxTypedByAReaderNeverFails(String query) {
        assertThat(mvc.get().uri("/recherche").param("q", query)).hasStatusOk();
    }

    @Test
    void aQueryOver200CharactersIsRefusedInFrench() {
        String body =
                body(mvc.get().uri("/recherche").param("q", "a".repeat(201)).exchange(), 400);
        assertThat(body).contains("Requête incorrecte").contains("201 caractères");
        assertThat(mvc.get().uri("/recherche").param("q", "a".repeat(200))).hasStatusOk();
    }

    @Test
    void anEmptyQueryExplainsHowToSearch() {
        assertThat(body(mvc.get().uri("/recherche").exchange(), 200)).contains("Comment chercher");
        assertThat(search("   ")).contains("Comment chercher");
    }

    @Test
    void snippetsMarkTheMatchButNeverLetStoredTextInjectMarkup() {
        String results = search("hippopotame");
        assertThat(results)
                .contains("<mark>hippopotame</mark>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(HOSTILE);
    }

    @Test
    void facetsCountTheResultsAndNarrowThem() {
        String results = search("cloud");
        assertThat(results)
                .contains("3 tribunes trouvées")
                .contains("href=\"/recherche?q=cloud&amp;theme=cloud-souverain\"")
                .contains("href=\"/recherche?q=cloud&amp;annee=2015\"");

        String narrowed = body(
                mvc.get()
                        .uri("/recherche")
                        .param("q", "cloud")
                        .param("theme", "pme")
                        .exchange(),
                200);
        // The seed is filed under PME too; synthetic n° 1 is not.
        assertThat(narrowed)
                .contains("2 tribunes trouvées")
                .contains("href=\"/tribunes/" + SyntheticArticles.slug(2) + "\"")
                .contains(SEED)
                .doesNotContain("href=\"/tribunes/" + SyntheticArticles.slug(1) + "\"")
                .contains("(retirer ce filtre)");

        String year = body(
                mvc.get()
                        .uri("/recherche")
                        .param("q", "cloud")
                        .param("annee", "2015")
                        .exchange(),
                200);
        assertThat(year).contains("1 tribune trouvée").contains(SEED);
    }

    @Test
    void resultsCanBeSortedByDate() {
        String byDate = body(
                mvc.get()
                        .uri("/recherche")
                        .param("q", "cloud")
                        .param("tri", "date")
                        .exchange(),
                200);
        assertThat(byDate)
                .containsSubsequence(
                        "/tribunes/" + SyntheticArticles.slug(2) + "\"",
                        "/tribunes/" + SyntheticArticles.slug(1) + "\"",
                        SeedTribune.PATH + "\"");
    }

    @Test
    void badFiltersAnswerAFrench400() {
        for (String[] parameter : List.of(
                new String[] {"theme", "inconnu"},
                new String[] {"auteur", "personne"},
                new String[] {"annee", "deux-mille"},
                new String[] {"tri", "hasard"},
                new String[] {"page", "0"},
                new String[] {"page", "99"})) {
            String body = body(
                    mvc.get()
                            .uri("/recherche")
                            .param("q", "cloud")
                            .param(parameter[0], parameter[1])
                            .exchange(),
                    400);
            assertThat(body).contains("Requête incorrecte");
        }
    }

    @Test
    void aChangedOpEdIsFoundAtOnceThoughTheResultsWereCached(
            @Autowired JdbcTemplate jdbc, @Autowired SearchIndex index) {
        assertThat(search("ornithorynque")).contains("Aucune tribune trouvée");

        jdbc.update(
                "update article_block set body = ? where article_id = ?",
                "Un ornithorynque dans le texte.",
                id(jdbc, 4));
        index.reindex(List.of(id(jdbc, 4)));
        indexed();

        assertThat(search("ornithorynque")).contains("href=\"/tribunes/" + SyntheticArticles.slug(4) + "\"");
    }

    @Test
    void everyPageHasTheSearchBox() {
        assertThat(body(mvc.get().uri("/").exchange(), 200))
                .contains(
                        "<form class=\"site-search\" role=\"search\" aria-label=\"Recherche rapide\" method=\"get\" action=\"/recherche\">");
    }
}
