package fr.tribunes.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repository on the real Flyway migrations (H2 here; see the PostgreSQL subclass). */
@DataJpaTest
@Import(ArticleListings.class)
class ArticleRepositoryTests {

    static final String SLUG =
            "letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance";

    @Autowired
    ArticleRepository articles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleListings listings;

    @Test
    void theSeededTribuneHasItsTextInOrderWithFiveSectionHeadings() {
        Article article = articles.findBySlug(SLUG).orElseThrow();

        assertThat(article.title())
                .isEqualTo("L’état doit apprendre de ses erreurs\u00a0: Numergy en procédure de sauvegarde,"
                        + " Amazon Web Services en forte croissance");
        List<ArticleBlock> blocks = article.blocks();
        assertThat(blocks).hasSize(18);
        assertThat(blocks.get(0).body()).startsWith("La lecture dans la presse");
        assertThat(blocks.get(17).body()).endsWith("qu’être sur un pied d’égalité\u00a0!");
        assertThat(blocks.stream()
                        .filter(b -> b.kind() == ArticleBlock.Kind.HEADING)
                        .map(ArticleBlock::body))
                .containsExactly(
                        "150 millions d’euros",
                        "Dassault tire son épingle du jeu",
                        "Amazon en flèche",
                        "Argent facile",
                        "La décision chez les CTO, CDO et CIO");
    }

    @Test
    void theDateIsOctober2015AndMarkedApproximate() {
        PublicationDate date = articles.findBySlug(SLUG).orElseThrow().publicationDate();

        assertThat(date.label()).isEqualTo("octobre 2015");
        assertThat(date.iso()).isEqualTo("2015-10");
        assertThat(date.approximate()).isTrue();
    }

    @Test
    void theBylineKeepsTheRoleAndOrganisationAtTheTime() {
        Article article = articles.findBySlug(SLUG).orElseThrow();

        assertThat(article.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.role()).isEqualTo("Président et cofondateur");
            assertThat(signature.credit()).isEqualTo("Président et cofondateur d’I-Tracing");
            assertThat(signature.organisationId()).isEqualTo(idOf("organisation", "i-tracing"));
        });
    }

    @Test
    void theTribuneIsFiledUnderCloudSouverainAndNamesNumergy() {
        long cloudSouverain = idOf("topic", "cloud-souverain");
        long numergy = idOf("organisation", "numergy");
        long seed = articles.findBySlug(SLUG).orElseThrow().id();
        ArticleListings.ListKey topic = new ArticleListings.ListKey(ArticleListings.Kind.TOPIC, cloudSouverain);
        ArticleListings.ListKey organisation = new ArticleListings.ListKey(ArticleListings.Kind.ORGANISATION, numergy);

        // The migration filed the seeded tribune in every list it belongs to, and counted them.
        assertThat(listings.page(List.of(topic), 0, 20)).containsExactly(seed);
        assertThat(listings.page(List.of(organisation), 0, 20)).containsExactly(seed);
        assertThat(listings.page(List.of(topic, organisation), 0, 20)).containsExactly(seed);
        assertThat(listings.counts(ArticleListings.Kind.TOPIC))
                .hasSize(7)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        assertThat(listings.counts(ArticleListings.Kind.ORGANISATION)).hasSize(16);
        assertThat(listings.counts(ArticleListings.Kind.AUTHOR)).hasSize(1);
        assertThat(listings.count(ArticleListings.ListKey.ARCHIVE)).isEqualTo(1);
    }

    @Test
    void theArchiveByYearFindsItIn2015Only() {
        assertThat(listings.years()).containsExactly(java.util.Map.entry(2015, 1L));
        long seed = articles.findBySlug(SLUG).orElseThrow().id();
        assertThat(listings.page(List.of(new ArticleListings.ListKey(ArticleListings.Kind.YEAR, 2015)), 0, 20))
                .containsExactly(seed);
        assertThat(listings.count(new ArticleListings.ListKey(ArticleListings.Kind.YEAR, 2016)))
                .isZero();
    }

    private long idOf(String table, String slug) {
        return jdbc.queryForObject("select id from " + table + " where slug = ?", Long.class, slug);
    }
}
