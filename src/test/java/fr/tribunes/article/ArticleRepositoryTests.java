package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repository on the real Flyway migrations (H2 here; see the PostgreSQL subclass). */
@DataJpaTest
class ArticleRepositoryTests {

    static final String SLUG =
            "letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance";

    @Autowired
    ArticleRepository articles;

    @Autowired
    JdbcTemplate jdbc;

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

        Page<Article> byTopic = articles.findByTopic(cloudSouverain, PageRequest.of(0, 20));
        Page<Article> byOrganisation = articles.findByOrganisation(numergy, PageRequest.of(0, 20));

        assertThat(byTopic.getContent()).extracting(Article::slug).containsExactly(SLUG);
        assertThat(byOrganisation.getContent()).extracting(Article::slug).containsExactly(SLUG);
        assertThat(articles.countByTopic())
                .hasSize(7)
                .allSatisfy(count -> assertThat(count.count()).isEqualTo(1L));
        assertThat(articles.countByOrganisation()).hasSize(16);
    }

    @Test
    void theArchiveByYearFindsItIn2015Only() {
        assertThat(articles.countByYear()).singleElement().satisfies(row -> {
            assertThat(row.keyValue()).isEqualTo(2015L);
            assertThat(row.count()).isEqualTo(1L);
        });
        assertThat(articles.findPublishedBetween(
                                LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1), PageRequest.of(0, 20))
                        .getTotalElements())
                .isEqualTo(1);
        assertThat(articles.findPublishedBetween(
                                LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1), PageRequest.of(0, 20))
                        .getTotalElements())
                .isZero();
    }

    private long idOf(String table, String slug) {
        return jdbc.queryForObject("select id from " + table + " where slug = ?", Long.class, slug);
    }
}
