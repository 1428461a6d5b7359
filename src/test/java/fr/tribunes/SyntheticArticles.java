package fr.tribunes;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleListings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes synthetic op-eds straight into the database, for tests that need more than the one real op-ed. Their
 * titles say they are synthetic: no text is ever attributed to a real person.
 */
public final class SyntheticArticles {

    private final JdbcTemplate jdbc;

    public SyntheticArticles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String title(int number) {
        return "Tribune synthétique n° " + number + " (données de test)";
    }

    public static String slug(int number) {
        return "tribune-synthetique-" + number;
    }

    /**
     * Synthetic op-ed {@code number} as an editor would write it, for tests that go through the editor: one
     * paragraph, one synthetic author, dated 2020.
     */
    public static ArticleDraft draft(int number) {
        return new ArticleDraft(
                title(number),
                slug(number),
                null,
                "Paragraphe synthétique, écrit pour les tests.",
                "2020",
                false,
                null,
                null,
                null,
                List.of(new ArticleDraft.Byline("Auteur synthétique", null, null, null, null)),
                List.of(),
                List.of());
    }

    /** Adds synthetic op-ed {@code number}, published on {@code day}, under the given themes; returns its slug. */
    public String add(int number, LocalDate day, String... topicSlugs) {
        return add(number, "", day, topicSlugs);
    }

    /** The same, with something appended to the title (which still says it is synthetic). */
    public String add(int number, String titleSuffix, LocalDate day, String... topicSlugs) {
        String slug = slug(number);
        jdbc.update("""
                insert into article (slug, title, standfirst, published_on, date_precision, date_approximate,
                                     added_at)
                values (?, ?, ?, ?, 'DAY', false, current_timestamp)""", slug, title(number) + titleSuffix, "Chapô synthétique, écrit pour les tests.", day);
        jdbc.update(
                "insert into article_block (article_id, position, kind, body)"
                        + " values ((select id from article where slug = ?), 1, 'PARAGRAPH', ?)",
                slug,
                "Paragraphe synthétique n° " + number + ", écrit pour les tests.");
        for (String topicSlug : topicSlugs) {
            jdbc.update(
                    "insert into article_topic (article_id, topic_id)"
                            + " values ((select id from article where slug = ?), (select id from topic where slug = ?))",
                    slug,
                    topicSlug);
        }
        listed(slug);
        return slug;
    }

    /**
     * Written behind the application's back, an op-ed still takes its place in the lists the application keeps, as
     * if written through it.
     */
    private void listed(String slug) {
        long id = jdbc.queryForObject("select id from article where slug = ?", Long.class, slug);
        ArticleListings.refresh(jdbc, id, Instant.now());
    }

    /** Adds a synthetic author, theme or organisation ({@code table}: author, topic or organisation). */
    public void addFacet(String table, String slug, String name) {
        jdbc.update("insert into " + table + " (slug, name) values (?, ?)", slug, name);
    }

    /** Signs op-ed {@code articleSlug} by an author, as a member of an organisation, at the given position. */
    public void sign(String articleSlug, int position, String authorSlug, String organisationSlug) {
        jdbc.update(
                "insert into article_author (article_id, position, author_id, role, organisation_id)"
                        + " values ((select id from article where slug = ?), ?, (select id from author where slug = ?),"
                        + " 'Rôle synthétique', (select id from organisation where slug = ?))",
                articleSlug,
                position,
                authorSlug,
                organisationSlug);
        listed(articleSlug);
    }

    /** Records that op-ed {@code articleSlug} names an organisation. */
    public void mention(String articleSlug, String organisationSlug) {
        jdbc.update(
                "insert into article_organisation (article_id, organisation_id)"
                        + " values ((select id from article where slug = ?), (select id from organisation where slug = ?))",
                articleSlug,
                organisationSlug);
        listed(articleSlug);
    }
}
