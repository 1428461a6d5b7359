package fr.tribunes.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.EditorSession;
import fr.tribunes.SiteTest;
import fr.tribunes.Slow;
import fr.tribunes.TestClock;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The lists, counts and related op-eds the archive keeps (rather than aggregating the whole archive at each render)
 * stay equal to a fresh aggregate of the op-eds themselves, whatever editors do: publish, correct, withdraw,
 * rename, re-sign, redate, rename a theme. The fresh aggregate is computed here, in Java, from the op-eds' own
 * tables. And the pages readers are served from the page cache, which keeps a page until what it shows changes,
 * are the pages as rendered now. Every op-ed, theme, author and organisation here is synthetic and says so.
 */
@SiteTest
class ArticleListingsTests {

    @Autowired
    ArticleEditor editor;

    @Autowired
    ArticleCatalog catalog;

    @Autowired
    ArticleListings listings;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestClock clock;

    private static final int THEMES = 5;

    private static final int AUTHORS = 4;

    private static final int ORGANISATIONS = 3;

    /** A synthetic op-ed with random themes (none to three), one or two random authors, a random date. */
    private static ArticleDraft draft(int n, String slug, Random random) {
        List<String> themes = new ArrayList<>();
        int count = random.nextInt(4);
        while (themes.size() < count) {
            String theme = "Thème de liste synthétique n° " + (1 + random.nextInt(THEMES));
            if (!themes.contains(theme)) {
                themes.add(theme);
            }
        }
        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        int first = 1 + random.nextInt(AUTHORS);
        bylines.add(new ArticleDraft.Byline("Auteur de liste synthétique n° " + first, null, null, null, null));
        if (random.nextInt(3) == 0) {
            int second = first % AUTHORS + 1;
            bylines.add(new ArticleDraft.Byline("Auteur de liste synthétique n° " + second, null, null, null, null));
        }
        return new ArticleDraft(
                "Tribune synthétique n° " + n + " (données de test, version " + random.nextInt(1000) + ")",
                slug,
                null,
                "Paragraphe synthétique n° " + n + ".",
                "20%02d-%02d".formatted(19 + random.nextInt(5), 1 + random.nextInt(12)),
                false,
                null,
                null,
                null,
                bylines,
                themes,
                List.of(new ArticleDraft.Mentioned(
                        "Organisation de liste synthétique n° " + (1 + random.nextInt(ORGANISATIONS)), null)));
    }

    /** Edits dated after the seeded tribune was added (at the real time), so that dates only move forward. */
    private void afterTheSeed() {
        if (clock.instant().isBefore(Instant.now())) {
            clock.advance(Duration.between(clock.instant(), Instant.now()).plusDays(1));
        }
    }

    @Slow
    @Test
    void keptListsCountsAndRelatedOpEdsStayEqualToAFreshAggregate() throws Exception {
        afterTheSeed();
        Random random = new Random(15);
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            long id = editor.create(draft(900 + n, "", random), "test");
            ids.add(id);
            if (n % 4 != 0) {
                editor.publish(id, "test");
            }
        }
        assertSameAsAFreshAggregate("after creating 24 op-eds, 18 published");

        Map<Integer, Integer> done = new TreeMap<>();
        for (int step = 1; step <= 24; step++) {
            clock.advance(Duration.ofSeconds(1));
            long id = ids.get(random.nextInt(ids.size()));
            ArticleEditor.Edited edited = editor.find(id).orElseThrow();
            // Each kind of edit first, then at random.
            int action = step <= 6 ? step - 1 : random.nextInt(6);
            int n = 900 + ids.indexOf(id) + 1;
            switch (action) {
                case 0 -> editor.publish(id, "test");
                case 1 -> editor.unpublish(id);
                // A correction: new themes, authors, date, organisation.
                case 2 ->
                    editor.save(
                            id, edited.version(), draft(n, edited.slug(), random), "Correction synthétique", "test");
                // A new address for the op-ed.
                case 3 ->
                    editor.save(
                            id,
                            edited.version(),
                            draft(n, edited.slug() + "-r" + step, random),
                            "Nouvelle adresse",
                            "test");
                // Re-signed: only the bylines change.
                case 4 -> {
                    ArticleDraft before = edited.draft();
                    ArticleDraft after = draft(n, edited.slug(), random);
                    editor.save(
                            id,
                            edited.version(),
                            new ArticleDraft(
                                    before.title(),
                                    before.slug(),
                                    before.standfirst(),
                                    before.text(),
                                    before.date(),
                                    before.dateApproximate(),
                                    before.dateNote(),
                                    before.originalPublisher(),
                                    before.originalUrl(),
                                    after.bylines(),
                                    before.themes(),
                                    before.organisations()),
                            "Signature corrigée",
                            "test");
                }
                default -> {
                    List<TopicRef> themes = topics.findAll().stream()
                            .filter(t -> t.slug().startsWith("theme-de-liste-synthetique"))
                            .toList();
                    TopicRef theme = themes.get(random.nextInt(themes.size()));
                    topics.update(
                            theme.id(),
                            theme.name() + " (renommé)",
                            theme.slug() + "-" + step,
                            "Description synthétique");
                }
            }
            done.merge(action, 1, Integer::sum);
            String when = "after step " + step + " (action " + action + " on op-ed " + id + ")";
            assertSameAsAFreshAggregate(when);
            assertServedPagesAreCurrent(when);
        }
        assertThat(done).as("every kind of edit was tried").hasSize(6);

        // What was kept edit by edit is what a rebuild from the op-eds (as after a bulk load) makes.
        listings.rebuild();
        assertSameAsAFreshAggregate("after a rebuild");
    }

    /**
     * Every op-ed's, theme's, author's, organisation's and year's page served to readers (from the page cache, which
     * keeps a page until what it shows changes) is the page rendered now for an editor (never from the cache). The
     * pages were all asked for after the previous edit, so each edit is checked against pages kept before it.
     */
    private void assertServedPagesAreCurrent(String when) throws Exception {
        List<String> paths = new ArrayList<>();
        jdbc.query("select slug from article where status = 'PUBLISHED'", row -> {
            paths.add("/tribunes/" + row.getString(1));
        });
        for (String[] facet : List.of(
                new String[] {"topic", "themes", "TOPIC"},
                new String[] {"author", "auteurs", "AUTHOR"},
                new String[] {"organisation", "organisations", "ORGANISATION"})) {
            jdbc.query(
                    "select f.slug from " + facet[0] + " f join facet_count c on c.facet_kind = ? and c.facet_id = f.id"
                            + " where c.articles > 0",
                    row -> {
                        paths.add("/" + facet[1] + "/" + row.getString(1));
                    },
                    facet[2]);
        }
        jdbc.query("select facet_id from facet_count where facet_kind = 'YEAR' and articles > 0", row -> {
            paths.add("/archives/" + row.getLong(1));
        });
        for (String path : paths) {
            MvcTestResult served = mvc.get().uri(path).exchange();
            MvcTestResult rendered =
                    mvc.get().uri(path).with(EditorSession.signedIn()).exchange();
            assertThat(served.getResponse().getStatus()).as(when + ": " + path).isEqualTo(200);
            assertThat(comparable(served))
                    .as(when + ": " + path + " as served is the page as it is now")
                    .isEqualTo(comparable(rendered));
        }
    }

    /** A page without what differs from one rendering to the next: the comment form's signed token. */
    private static String comparable(MvcTestResult page) throws Exception {
        return page.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("value=\"[0-9]+\\.[^\"]*\"", "value=\"jeton\"");
    }

    /** The op-eds as their own tables hold them: what the kept lists must always say. */
    private record Fresh(
            Map<ArticleListings.ListKey, List<Long>> lists,
            Map<Long, Set<Long>> topicsOf,
            Map<Long, Instant> updated,
            Map<Long, String> slugs) {}

    private Fresh fresh() {
        Map<Long, LocalDate> published = new HashMap<>();
        Map<Long, Instant> updated = new HashMap<>();
        Map<Long, String> slugs = new HashMap<>();
        jdbc.query("select id, published_on, updated_at, slug from article where status = 'PUBLISHED'", row -> {
            published.put(row.getLong(1), row.getObject(2, LocalDate.class));
            updated.put(row.getLong(1), row.getObject(3, OffsetDateTime.class).toInstant());
            slugs.put(row.getLong(1), row.getString(4));
        });
        Map<ArticleListings.ListKey, Set<Long>> members = new HashMap<>();
        Map<Long, Set<Long>> topicsOf = new HashMap<>();
        published.forEach((id, day) -> {
            members.computeIfAbsent(ArticleListings.ListKey.ARCHIVE, k -> new LinkedHashSet<>())
                    .add(id);
            members.computeIfAbsent(
                            new ArticleListings.ListKey(ArticleListings.Kind.YEAR, day.getYear()),
                            k -> new LinkedHashSet<>())
                    .add(id);
            topicsOf.put(id, new LinkedHashSet<>());
        });
        for (var link : List.of(
                new String[] {"TOPIC", "select article_id, topic_id from article_topic"},
                new String[] {"AUTHOR", "select article_id, author_id from article_author"},
                new String[] {"ORGANISATION", "select article_id, organisation_id from article_organisation"})) {
            ArticleListings.Kind kind = ArticleListings.Kind.valueOf(link[0]);
            jdbc.query(link[1], row -> {
                long article = row.getLong(1);
                if (published.containsKey(article)) {
                    members.computeIfAbsent(
                                    new ArticleListings.ListKey(kind, row.getLong(2)), k -> new LinkedHashSet<>())
                            .add(article);
                    if (kind == ArticleListings.Kind.TOPIC) {
                        topicsOf.get(article).add(row.getLong(2));
                    }
                }
            });
        }
        Comparator<Long> newestFirst = Comparator.comparing((Long id) -> published.get(id))
                .thenComparing(id -> id)
                .reversed();
        Map<ArticleListings.ListKey, List<Long>> lists = new HashMap<>();
        members.forEach(
                (key, ids) -> lists.put(key, ids.stream().sorted(newestFirst).toList()));
        return new Fresh(lists, topicsOf, updated, slugs);
    }

    private void assertSameAsAFreshAggregate(String when) throws Exception {
        Fresh fresh = fresh();
        // Every list: its op-eds in order, its count, a change date no older than its op-eds'.
        for (var list : fresh.lists().entrySet()) {
            ArticleListings.ListKey key = list.getKey();
            assertThat(listings.page(List.of(key), 0, 1000))
                    .as(when + ": " + key)
                    .isEqualTo(list.getValue());
            assertThat(listings.count(key))
                    .as(when + ": count of " + key)
                    .isEqualTo(list.getValue().size());
            Instant newest = list.getValue().stream()
                    .map(fresh.updated()::get)
                    .max(Instant::compareTo)
                    .orElseThrow();
            assertThat(jdbc.queryForObject(
                                    "select last_change from facet_count where facet_kind = ? and facet_id = ?",
                                    OffsetDateTime.class,
                                    key.kind().name(),
                                    key.id())
                            .toInstant())
                    .as(when + ": last change of " + key)
                    .isAfterOrEqualTo(newest);
        }
        // No list is kept with op-eds that the op-eds' tables no longer put there.
        jdbc.query("select facet_kind, facet_id, articles from facet_count where articles <> 0", row -> {
            var key = new ArticleListings.ListKey(ArticleListings.Kind.valueOf(row.getString(1)), row.getLong(2));
            assertThat(fresh.lists()).as(when + ": kept " + key).containsKey(key);
        });
        assertThat(jdbc.queryForObject("select count(*) from article_listing", Long.class))
                .as(when + ": rows kept")
                .isEqualTo(fresh.lists().values().stream().mapToLong(List::size).sum());
        // Lists crossed (a theme and an author, as the API allows): the op-eds in both, in order.
        for (var topic : fresh.lists().keySet()) {
            for (var author : fresh.lists().keySet()) {
                if (topic.kind() == ArticleListings.Kind.TOPIC && author.kind() == ArticleListings.Kind.AUTHOR) {
                    List<Long> both = fresh.lists().get(topic).stream()
                            .filter(fresh.lists().get(author)::contains)
                            .toList();
                    assertThat(listings.page(List.of(topic, author), 0, 1000))
                            .as(when + ": " + topic + " and " + author)
                            .isEqualTo(both);
                    assertThat(listings.count(List.of(topic, author))).isEqualTo(both.size());
                }
            }
        }
        // Related op-eds on every op-ed page: sharing the most themes among each theme's newest, then the newest.
        for (long id : fresh.updated().keySet()) {
            assertThat(catalog.findBySlug(fresh.slugs().get(id)).orElseThrow().related().stream()
                            .map(card -> card.slug())
                            .toList())
                    .as(when + ": related to " + fresh.slugs().get(id))
                    .isEqualTo(
                            related(fresh, id).stream().map(fresh.slugs()::get).toList());
        }
        // What readers see: the count the API gives for each theme.
        for (var list : fresh.lists().entrySet()) {
            if (list.getKey().kind() == ArticleListings.Kind.TOPIC) {
                String slug = jdbc.queryForObject(
                        "select slug from topic where id = ?",
                        String.class,
                        list.getKey().id());
                MvcTestResult answer =
                        mvc.get().uri("/api/tribunes?theme=" + slug).exchange();
                Matcher total = Pattern.compile("\"totalItems\":([0-9]+)")
                        .matcher(answer.getResponse().getContentAsString(StandardCharsets.UTF_8));
                assertThat(total.find()).as(when + ": API answer for " + slug).isTrue();
                assertThat(Long.parseLong(total.group(1)))
                        .as(when + ": API count for " + slug)
                        .isEqualTo(list.getValue().size());
            }
        }
    }

    /** The related op-eds computed from the op-eds themselves, as {@link ArticleListings#related} defines them. */
    private static List<Long> related(Fresh fresh, long id) {
        Set<Long> themes = fresh.topicsOf().get(id);
        Set<Long> candidates = new LinkedHashSet<>();
        for (long theme : themes) {
            fresh.lists().get(new ArticleListings.ListKey(ArticleListings.Kind.TOPIC, theme)).stream()
                    .filter(other -> other != id)
                    .limit(ArticleListings.RELATED_WINDOW)
                    .forEach(candidates::add);
        }
        List<Long> newestFirst = fresh.lists().get(ArticleListings.ListKey.ARCHIVE);
        return candidates.stream()
                .sorted(Comparator.comparing((Long other) -> fresh.topicsOf().get(other).stream()
                                .filter(themes::contains)
                                .count())
                        .reversed()
                        .thenComparing(newestFirst::indexOf))
                .limit(ArticleCatalog.RELATED)
                .toList();
    }

    @Test
    void twoEditsWithinOneSecondNeverLeaveAStalePageETagOrLastModified() throws Exception {
        afterTheSeed();
        Random random = new Random(16);
        long id = editor.create(draft(990, "", random), "test");
        editor.publish(id, "test");
        String slug = editor.find(id).orElseThrow().slug();
        String path = "/tribunes/" + slug;
        clock.advance(Duration.ofSeconds(1));

        ArticleDraft first = draft(990, slug, random);
        editor.save(id, editor.find(id).orElseThrow().version(), first, "Première correction", "test");
        MvcTestResult before = mvc.get().uri(path).exchange();
        assertThat(before.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(first.title());
        assertThat(mvc.get().uri(path).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("kept")
                .contains(first.title());

        // The clock has not moved: the second edit is in the same second as the first.
        ArticleDraft second = draft(990, slug, random);
        assertThat(second.title()).isNotEqualTo(first.title());
        editor.save(id, editor.find(id).orElseThrow().version(), second, "Seconde correction", "test");
        MvcTestResult after = mvc.get().uri(path).exchange();
        assertThat(after.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(second.title())
                .doesNotContain(first.title());
        String etag = before.getResponse().getHeader(HttpHeaders.ETAG);
        String lastModified = before.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(after.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(after.getResponse().getDateHeader(HttpHeaders.LAST_MODIFIED))
                .isGreaterThan(before.getResponse().getDateHeader(HttpHeaders.LAST_MODIFIED));
        assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag)).hasStatusOk();
        assertThat(mvc.get().uri(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .hasStatusOk();
    }
}
