package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * How many SQL statements Hibernate prepares to serve one public page, counted by Hibernate's statistics around
 * one request (after a first one, so that nothing done once per application counts). The pages' op-eds have
 * several authors, themes and organisations, and each page is compared with one whose op-eds have one of each: a
 * count that grows with them is a query per author, theme or organisation (N+1).
 *
 * <p>The ceilings are today's counts, so that they cannot grow unnoticed; performance work should lower them
 * (at most 4 statements for an op-ed page). Not counted: the one JDBC query {@code LastModified}
 * makes on every page ({@code ArchiveVersion}, through {@code JdbcTemplate}, outside Hibernate).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:statement-counts;DB_CLOSE_DELAY=-1",
            "spring.jpa.properties.hibernate.generate_statistics=true",
            // What rendering a page costs: with the page cache, a page asked for again takes none.
            "tribunes.page-cache.max-mb=0",
            "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                    + "fr.tribunes.StatementCountTests$RecordedStatements",
            // Statistics otherwise log every session's metrics.
            "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTests {

    /**
     * Today: the op-ed (1), its blocks, signatures, themes and organisations named (4, one per collection), their
     * authors, themes and organisations (3), then the related op-eds: their keys, the op-eds, their signatures and
     * their authors (4), its approved comments (1). The page cache ({@code PageCache}) serves it again with none.
     */
    static final int OP_ED_PAGE = 13;

    /**
     * Today: the 10 newest (1) and a count nobody shows (1), their signatures and authors (2), every theme and
     * every theme's count (2), every author and every author's count (2).
     */
    static final int HOME_PAGE = 8;

    /**
     * Today: the theme (1), a page of op-eds and their count (2), their signatures and authors (2), the theme again
     * for its description (1).
     */
    static final int THEME_PAGE = 6;

    /** Today: the same as a theme page, for an author. */
    static final int AUTHOR_PAGE = 6;

    /**
     * Today: the 50 newest (1) and a count of the whole archive nobody shows (1, a join of four tables), their
     * signatures, themes, organisations named and blocks (4), their authors, themes and organisations (3): an op-ed
     * whole ({@code ArticleDocument}) names its organisations since the dataset (issue 20).
     */
    static final int FEED = 9;

    /** Every SQL statement Hibernate prepares, so that a failure says which ones. */
    public static class RecordedStatements implements StatementInspector {

        static final List<String> SQL = new CopyOnWriteArrayList<>();

        @Override
        public String inspect(String sql) {
            SQL.add(sql);
            return sql;
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /**
     * « Tribune synthétique n° 1 » to n° 30: three authors (two with their organisation), three themes, two
     * organisations named. N° 31 to 52: one author, one theme, one organisation named.
     */
    @BeforeAll
    void addSyntheticArticles(@Autowired JdbcTemplate jdbc) {
        SyntheticArticles synthetic = new SyntheticArticles(jdbc);
        for (int i = 1; i <= 6; i++) {
            synthetic.addFacet("author", "auteur-synthetique-" + i, "Auteur synthétique n° " + i);
            synthetic.addFacet("topic", "theme-synthetique-" + i, "Thème synthétique n° " + i);
            synthetic.addFacet("organisation", "organisation-synthetique-" + i, "Organisation synthétique n° " + i);
        }
        for (int n = 1; n <= 30; n++) {
            String slug = synthetic.add(
                    n,
                    LocalDate.of(2020, 1, 1).plusDays(n),
                    "theme-synthetique-1",
                    "theme-synthetique-2",
                    "theme-synthetique-3");
            synthetic.sign(slug, 1, "auteur-synthetique-1", "organisation-synthetique-1");
            synthetic.sign(slug, 2, "auteur-synthetique-2", "organisation-synthetique-2");
            synthetic.sign(slug, 3, "auteur-synthetique-3", null);
            synthetic.mention(slug, "organisation-synthetique-3");
            synthetic.mention(slug, "organisation-synthetique-4");
        }
        for (int n = 31; n <= 52; n++) {
            String slug = synthetic.add(n, LocalDate.of(2021, 1, 1).plusDays(n), "theme-synthetique-5");
            synthetic.sign(slug, 1, "auteur-synthetique-5", "organisation-synthetique-5");
            synthetic.mention(slug, "organisation-synthetique-6");
        }
    }

    /** The statements one request for {@code path} prepares, after a first request for it. */
    private List<String> statements(String path) {
        assertThat(mvc.get().uri(path)).hasStatusOk();
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        RecordedStatements.SQL.clear();
        assertThat(mvc.get().uri(path)).hasStatusOk();
        List<String> sql = List.copyOf(RecordedStatements.SQL);
        assertThat(statistics.getPrepareStatementCount())
                .as("Hibernate's count, against the statements recorded:%n%s", String.join("\n", sql))
                .isEqualTo(sql.size());
        return sql;
    }

    private void assertCeiling(List<String> sql, int ceiling, String page) {
        assertThat(sql.size())
                .as("statements for %s:%n%s", page, String.join("\n", sql))
                .isLessThanOrEqualTo(ceiling);
    }

    @Test
    void anOpEdPageTakesTheSameStatementsHoweverManyAuthorsThemesAndOrganisations() {
        List<String> rich = statements("/tribunes/" + SyntheticArticles.slug(30));
        List<String> lean = statements("/tribunes/" + SyntheticArticles.slug(52));
        assertCeiling(rich, OP_ED_PAGE, "an op-ed page");
        assertThat(rich)
                .as("three authors, themes and organisations against one")
                .hasSameSizeAs(lean);
    }

    @Test
    void theHomePageTakesAFixedNumberOfStatements() {
        assertCeiling(statements("/"), HOME_PAGE, "the home page");
    }

    @Test
    void aThemePageTakesTheSameStatementsHoweverManyAuthorsItsOpEdsHave() {
        List<String> rich = statements("/themes/theme-synthetique-1");
        List<String> lean = statements("/themes/theme-synthetique-5");
        assertCeiling(rich, THEME_PAGE, "a theme page");
        assertThat(rich).hasSameSizeAs(lean);
    }

    @Test
    void anAuthorPageTakesTheSameStatementsHoweverManyCoAuthorsItsOpEdsHave() {
        List<String> rich = statements("/auteurs/auteur-synthetique-1");
        List<String> lean = statements("/auteurs/auteur-synthetique-5");
        assertCeiling(rich, AUTHOR_PAGE, "an author page");
        assertThat(rich).hasSameSizeAs(lean);
    }

    @Test
    void theFeedTakesAFixedNumberOfStatementsForFiftyOpEds() {
        assertCeiling(statements("/flux.atom"), FEED, "the feed");
    }
}
