package fr.tribunes;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.internal.ArticleListings;
import fr.tribunes.pagecache.ArchiveVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes synthetic op-eds straight into the database, for tests that need more than the one real op-ed. Their
 * titles say they are synthetic: no text is ever attributed to a real person.
 */
public final class SyntheticArticles {

    private final JdbcTemplate jdbc;

    /** The time writes are dated with: the site's clock, which a test may have set. */
    private final Clock clock;

    /** Run after each write: tells a running site that its archive changed. */
    private final Runnable written;

    /** For a database no application serves yet, or a repository test. */
    public SyntheticArticles(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), () -> {});
    }

    private SyntheticArticles(JdbcTemplate jdbc, Clock clock, Runnable written) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.written = written;
    }

    /**
     * For a site already serving pages (the shared {@link SiteTest} application): each write moves the archive's
     * change stamp, as an edit through the application would, so no page kept before shows the archive as it was.
     */
    public static SyntheticArticles inSite(ApplicationContext site) {
        ArchiveVersion version = site.getBean(ArchiveVersion.class);
        TransactionTemplate transaction = new TransactionTemplate(site.getBean(PlatformTransactionManager.class));
        Clock clock = site.getBean(Clock.class);
        return new SyntheticArticles(
                site.getBean(JdbcTemplate.class),
                clock,
                () -> transaction.executeWithoutResult(status -> version.changed(clock.instant())));
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
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("""
                insert into article (slug, title, standfirst, published_on, date_precision, date_approximate,
                                     added_at, updated_at)
                values (?, ?, ?, ?, 'DAY', false, ?, ?)""", slug, title(number) + titleSuffix, "Chapô synthétique, écrit pour les tests.", day, now, now);
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
        ArticleListings.refresh(jdbc, id, clock.instant());
        written.run();
    }

    /** Adds a synthetic author, theme or organisation ({@code table}: author, topic or organisation). */
    public void addFacet(String table, String slug, String name) {
        jdbc.update("insert into " + table + " (slug, name) values (?, ?)", slug, name);
        written.run();
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
