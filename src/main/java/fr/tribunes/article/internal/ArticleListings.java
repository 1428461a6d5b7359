package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.pagecache.PageDependencies;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's lists kept ready to read: every published op-ed once in each list it appears in (the whole archive,
 * its year, its themes, authors and organisations), in the lists' order, and how many each list holds. A page of
 * any list is one index range, its count one row: what a page costs does not grow with the archive
 * ({@code docs/adr/0001-bounded-rendering.md}). Kept by {@link #refresh} in the transaction of every write of an op-ed,
 * after the archive's change stamp, whose row lock makes writers take their turn.
 *
 * <p>Every query orders by the whole index it reads, its equal columns first ({@code facet_kind, facet_id, …}):
 * H2 2.5 reads an index in order, and stops at the page, only when the order starts with the index's first
 * column; ordered by {@code published_on} alone it read and sorted the whole list (checked with
 * {@code explain analyze} at 100,000 op-eds: 28,906 rows read for a page of 20, then 20).
 */
@Component
@Transactional(readOnly = true)
public class ArticleListings {

    /** The kinds of list; the whole archive is {@link #ALL} with key 0, a year's list has the year as key. */
    public enum Kind {
        ALL,
        YEAR,
        TOPIC,
        AUTHOR,
        ORGANISATION
    }

    /** One list: its kind and its key (a theme's, an author's, an organisation's, or a year). */
    public record ListKey(Kind kind, long id) {

        static final ListKey ARCHIVE = new ListKey(Kind.ALL, 0);

        /** The list as pages showing it note it ({@link PageDependencies}). */
        String shownAs() {
            return PageDependencies.list(kind.name(), id);
        }
    }

    /**
     * How many of each of its themes' newest op-eds an op-ed's related op-eds are chosen among: the cost of the
     * choice is bounded by this times its number of themes, however big a theme grows.
     */
    static final int RELATED_WINDOW = 50;

    /**
     * Writes published op-eds' rows, one per list each is on; {@code restriction} ends each of its five
     * {@code where}s ({@code " and a.id = ?"}: one op-ed, five parameters).
     */
    private static String insertRows(String restriction) {
        return String.join(restriction + " union all ", ROWS) + restriction;
    }

    private static final List<String> ROWS = List.of(
            "insert into article_listing (facet_kind, facet_id, article_id, published_on)"
                    + " select 'ALL', 0, a.id, a.published_on from article a where a.status = 'PUBLISHED'",
            "select 'YEAR', cast(extract(year from a.published_on) as bigint), a.id, a.published_on from article a"
                    + " where a.status = 'PUBLISHED'",
            "select 'TOPIC', t.topic_id, a.id, a.published_on from article_topic t join article a on a.id = t.article_id"
                    + " where a.status = 'PUBLISHED'",
            "select 'AUTHOR', s.author_id, a.id, a.published_on from article_author s"
                    + " join article a on a.id = s.article_id where a.status = 'PUBLISHED'",
            "select 'ORGANISATION', m.organisation_id, a.id, a.published_on from article_organisation m"
                    + " join article a on a.id = m.article_id where a.status = 'PUBLISHED'");

    private final JdbcTemplate jdbc;

    private final EntityManager entities;

    ArticleListings(JdbcTemplate jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /** How many published op-eds a list holds. */
    long count(ListKey list) {
        List<Long> found = jdbc.queryForList(
                "select articles from facet_count where facet_kind = ? and facet_id = ?",
                Long.class,
                list.kind().name(),
                list.id());
        return found.isEmpty() ? 0 : found.get(0);
    }

    /**
     * The keys of one page of the op-eds in every list given, newest first. The list with the fewest op-eds is read
     * in order; the others are checked op-ed by op-ed.
     */
    List<Long> page(List<ListKey> lists, long offset, int limit) {
        return pageOf(bySize(lists), offset, limit);
    }

    /** One page of the op-eds in every list given, with how many they are in all; the lists sized once. */
    record Slice(List<Long> ids, long total) {}

    Slice slice(List<ListKey> lists, long offset, int limit) {
        List<ListKey> ordered = bySize(lists);
        long total = ordered.size() == 1 ? count(ordered.get(0)) : countOf(ordered);
        return new Slice(offset >= total ? List.of() : pageOf(ordered, offset, limit), total);
    }

    /** How many op-eds are in every list given: kept for one list, counted within the smallest for several. */
    long count(List<ListKey> lists) {
        return lists.size() == 1 ? count(lists.get(0)) : countOf(bySize(lists));
    }

    private List<Long> pageOf(List<ListKey> ordered, long offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String sql = "select l.article_id from article_listing l where " + matching(ordered, arguments)
                + " order by l.facet_kind, l.facet_id, l.published_on desc, l.article_id desc limit ? offset ?";
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.queryForList(sql, Long.class, arguments.toArray());
    }

    private long countOf(List<ListKey> ordered) {
        List<Object> arguments = new ArrayList<>();
        return jdbc.queryForObject(
                "select count(*) from article_listing l where " + matching(ordered, arguments),
                Long.class,
                arguments.toArray());
    }

    private List<ListKey> bySize(List<ListKey> lists) {
        if (lists.size() == 1) {
            return lists;
        }
        Map<ListKey, Long> sizes = new HashMap<>();
        lists.forEach(list -> sizes.put(list, count(list)));
        return lists.stream().sorted(Comparator.comparing(sizes::get)).toList();
    }

    private static String matching(List<ListKey> lists, List<Object> arguments) {
        StringBuilder where = new StringBuilder("l.facet_kind = ? and l.facet_id = ?");
        arguments.add(lists.get(0).kind().name());
        arguments.add(lists.get(0).id());
        for (ListKey other : lists.subList(1, lists.size())) {
            where.append(" and exists (select 1 from article_listing x where x.facet_kind = ? and x.facet_id = ?"
                    + " and x.article_id = l.article_id)");
            arguments.add(other.kind().name());
            arguments.add(other.id());
        }
        return where.toString();
    }

    /** How many published op-eds each list of a kind holds, by key; empty lists are absent. */
    Map<Long, Long> counts(Kind kind) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query(
                "select facet_id, articles from facet_count where facet_kind = ? and articles > 0",
                row -> {
                    counts.put(row.getLong(1), row.getLong(2));
                },
                kind.name());
        return counts;
    }

    /** The keys of the {@code limit} lists of a kind with the most op-eds, with their counts, most first. */
    Map<Long, Long> mostUsed(Kind kind, int limit) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "select facet_id, articles from facet_count where facet_kind = ? and articles > 0"
                        + " order by facet_kind, articles desc, facet_id limit ?",
                row -> {
                    counts.put(row.getLong(1), row.getLong(2));
                },
                kind.name(),
                limit);
        return counts;
    }

    /** When each non-empty list of a kind last changed, by key. */
    Map<Long, Instant> lastChanges(Kind kind) {
        Map<Long, Instant> changes = new HashMap<>();
        jdbc.query(
                "select facet_id, last_change from facet_count where facet_kind = ? and articles > 0",
                row -> {
                    changes.put(
                            row.getLong(1),
                            row.getObject(2, OffsetDateTime.class).toInstant());
                },
                kind.name());
        return changes;
    }

    /** The years op-eds were published in, newest first, with how many each. */
    Map<Integer, Long> years() {
        Map<Integer, Long> years = new LinkedHashMap<>();
        jdbc.query(
                "select facet_id, articles from facet_count where facet_kind = 'YEAR' and articles > 0"
                        + " order by facet_id desc",
                row -> {
                    years.put(row.getInt(1), row.getLong(2));
                });
        return years;
    }

    /**
     * Op-eds related to one: among the {@value #RELATED_WINDOW} newest op-eds of each of its themes, those sharing
     * the most themes with it, then the newest. Two statements, whose cost is bounded by the op-ed's number of
     * themes, not by the archive: the candidates (one index range per theme), then their themes among the op-ed's.
     */
    List<Long> related(long articleId, Collection<Long> topicIds, int limit) {
        if (topicIds.isEmpty()) {
            return List.of();
        }
        topicIds.forEach(topicId -> PageDependencies.shows(PageDependencies.relatedAmong(topicId)));
        List<Object> arguments = new ArrayList<>();
        StringBuilder windows = new StringBuilder();
        for (Long topicId : topicIds) {
            if (!windows.isEmpty()) {
                windows.append(" union all ");
            }
            // Ordered by the whole index, equal columns first: H2 then reads the index in order and stops.
            windows.append("select * from (select article_id, published_on from article_listing"
                    + " where facet_kind = 'TOPIC' and facet_id = ? and article_id <> ?"
                    + " order by facet_kind, facet_id, published_on desc, article_id desc limit ?) w");
            arguments.add(topicId);
            arguments.add(articleId);
            arguments.add(RELATED_WINDOW);
        }
        Map<Long, LocalDate> candidates = new HashMap<>();
        jdbc.query(
                windows.toString(),
                row -> {
                    candidates.put(row.getLong(1), row.getObject(2, LocalDate.class));
                },
                arguments.toArray());
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> shared = new HashMap<>();
        Set<Long> themes = Set.copyOf(topicIds);
        // The candidates' themes, looked up in article_topic's primary key (article_id, topic_id) and counted here.
        // The list of keys is padded (with -1, no op-ed's key) to a multiple of the window, so that the statement
        // has few shapes: H2 keeps each shape parsed and planned (QUERY_CACHE_SIZE), where a statement written with
        // its keys was parsed at each render and its plan kept until pushed out, then collected as old garbage.
        List<Long> keys = new ArrayList<>(candidates.keySet());
        int size = (keys.size() + RELATED_WINDOW - 1) / RELATED_WINDOW * RELATED_WINDOW;
        while (keys.size() < size) {
            keys.add(-1L);
        }
        jdbc.query(
                "select article_id, topic_id from article_topic where article_id in ("
                        + String.join(",", Collections.nCopies(size, "?")) + ")",
                row -> {
                    if (themes.contains(row.getLong(2))) {
                        shared.merge(row.getLong(1), 1, Integer::sum);
                    }
                },
                keys.toArray());
        return candidates.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> shared.getOrDefault(id, 0))
                        .thenComparing(candidates::get)
                        .thenComparing(id -> id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** The published op-eds with keys in {@code (after, upTo]}, by key: a sitemap file. */
    List<ArticleDocuments.Dated> dated(long after, long upTo) {
        return jdbc.query(
                "select a.slug, a.updated_at from article_listing l join article a on a.id = l.article_id"
                        + " where l.facet_kind = 'ALL' and l.facet_id = 0 and l.article_id > ? and l.article_id <= ?"
                        + " order by l.facet_kind, l.facet_id, l.article_id",
                (row, n) -> new ArticleDocuments.Dated(
                        row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()),
                after,
                upTo);
    }

    /** Whether a published op-ed has a key in {@code (after, upTo]}. */
    boolean anyPublished(long after, long upTo) {
        return !jdbc.queryForList(
                        "select article_id from article_listing where facet_kind = 'ALL' and facet_id = 0"
                                + " and article_id > ? and article_id <= ?"
                                + " order by facet_kind, facet_id, article_id limit 1",
                        Long.class,
                        after,
                        upTo)
                .isEmpty();
    }

    /** The largest key a published op-ed has, 0 if none. */
    long lastPublishedId() {
        // Not max(): H2 would read the whole list for it.
        List<Long> last = jdbc.queryForList(
                "select article_id from article_listing where facet_kind = 'ALL' and facet_id = 0"
                        + " order by facet_kind desc, facet_id desc, article_id desc limit 1",
                Long.class);
        return last.isEmpty() ? 0 : last.get(0);
    }

    /**
     * Brings an op-ed's rows and the counts of every list it was or is in up to date with what was just written
     * (flushed first); the lists it was or is in are marked changed {@code now}. Called after the archive's change
     * stamp was moved in the same transaction: that row's lock makes concurrent writers wait, so counts never race.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> refresh(long articleId, Instant now) {
        entities.flush();
        return refresh(jdbc, articleId, now);
    }

    /**
     * The same for an op-ed written with plain SQL, behind the application's back (tests' fixtures): what is
     * written through the application goes through {@link #refresh(long, Instant)}.
     *
     * @return what changed for pages ({@link PageDependencies}): the lists the op-ed entered, left or moved in, and
     *     when its themes, date or publication changed, the themes among whose newest it is or was (related op-eds
     *     are chosen there)
     */
    public static Set<String> refresh(JdbcTemplate jdbc, long articleId, Instant now) {
        Map<ListKey, LocalDate> rowsBefore = rowsOf(jdbc, articleId);
        Set<ListKey> before = rowsBefore.keySet();
        Set<Long> windowsBefore = windowsHolding(jdbc, articleId, rowsBefore);
        jdbc.update("delete from article_listing where article_id = ?", articleId);
        jdbc.update(insertRows(" and a.id = ?"), articleId, articleId, articleId, articleId, articleId);
        Map<ListKey, LocalDate> rowsAfter = rowsOf(jdbc, articleId);
        Set<ListKey> after = rowsAfter.keySet();
        Set<ListKey> touched = new LinkedHashSet<>(before);
        touched.addAll(after);
        Set<String> changedForPages = new LinkedHashSet<>();
        boolean themesMoved = false;
        for (ListKey list : touched) {
            if (!Objects.equals(rowsBefore.get(list), rowsAfter.get(list))) {
                changedForPages.add(list.shownAs());
                themesMoved |= list.kind() == Kind.TOPIC;
            }
        }
        if (themesMoved) {
            // Its score for another op-ed (themes shared) or its rank (date) changed, or it came or went: the related
            // op-eds of the op-eds of every theme among whose newest it is, or was, may change.
            Set<Long> windows = new LinkedHashSet<>(windowsBefore);
            windows.addAll(windowsHolding(jdbc, articleId, rowsAfter));
            windows.forEach(topic -> changedForPages.add(PageDependencies.relatedAmong(topic)));
        }
        OffsetDateTime changed = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (ListKey list : touched) {
            int delta = (after.contains(list) ? 1 : 0) - (before.contains(list) ? 1 : 0);
            int updated = jdbc.update(
                    "update facet_count set articles = articles + ?, last_change = ?"
                            + " where facet_kind = ? and facet_id = ?",
                    delta,
                    changed,
                    list.kind().name(),
                    list.id());
            if (updated == 0) {
                jdbc.update(
                        "insert into facet_count (facet_kind, facet_id, articles, last_change) values (?, ?, ?, ?)",
                        list.kind().name(),
                        list.id(),
                        Math.max(delta, 0),
                        changed);
            }
        }
        return changedForPages;
    }

    /** The lists an op-ed is in, with the date it is sorted by in them. */
    private static Map<ListKey, LocalDate> rowsOf(JdbcTemplate jdbc, long articleId) {
        Map<ListKey, LocalDate> rows = new LinkedHashMap<>();
        jdbc.query(
                "select facet_kind, facet_id, published_on from article_listing where article_id = ?",
                row -> {
                    rows.put(
                            new ListKey(Kind.valueOf(row.getString(1)), row.getLong(2)),
                            row.getObject(3, LocalDate.class));
                },
                articleId);
        return rows;
    }

    /**
     * The themes, among those of these rows, among whose {@value #RELATED_WINDOW} newest op-eds, plus one, this one
     * is: plus one, because another op-ed of the theme chooses among the newest but itself.
     */
    private static Set<Long> windowsHolding(JdbcTemplate jdbc, long articleId, Map<ListKey, LocalDate> rows) {
        Set<Long> windows = new LinkedHashSet<>();
        rows.forEach((list, day) -> {
            if (list.kind() != Kind.TOPIC) {
                return;
            }
            List<Map.Entry<LocalDate, Long>> last = jdbc.query(
                    "select published_on, article_id from article_listing where facet_kind = 'TOPIC' and facet_id = ?"
                            + " order by facet_kind, facet_id, published_on desc, article_id desc limit 1 offset ?",
                    (row, n) -> Map.entry(row.getObject(1, LocalDate.class), row.getLong(2)),
                    list.id(),
                    RELATED_WINDOW);
            if (last.isEmpty()) {
                windows.add(list.id());
                return;
            }
            int order = day.compareTo(last.get(0).getKey());
            if (order > 0 || (order == 0 && articleId >= last.get(0).getValue())) {
                windows.add(list.id());
            }
        });
        return windows;
    }

    /**
     * Rebuilds every list and count from the op-eds, for an archive written behind the application's back (the
     * benchmarks' synthetic archive is written with plain SQL). Counts date each list from its newest change.
     */
    @Transactional
    public void rebuild() {
        jdbc.update("delete from facet_count");
        jdbc.update("delete from article_listing");
        jdbc.update(insertRows(""));
        jdbc.update("insert into facet_count (facet_kind, facet_id, articles, last_change)"
                + " select l.facet_kind, l.facet_id, count(*), max(a.updated_at) from article_listing l"
                + " join article a on a.id = l.article_id group by l.facet_kind, l.facet_id");
    }
}
