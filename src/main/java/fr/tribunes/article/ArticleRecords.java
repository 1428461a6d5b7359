package fr.tribunes.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every op-ed that is or was public, in the order it last changed: what harvesters follow (OAI-PMH). A published
 * op-ed is a record; one taken off the site (a draft again, with its recorded versions) is a deleted record, kept
 * for good; a draft never published is nothing. Pages are read from where the last one ended (keyset), from the
 * index on {@code (updated_at, id)}, so the thousandth page costs what the first does.
 */
@Service
@Transactional(readOnly = true)
public class ArticleRecords {

    private static final String HARVESTABLE =
            "(a.status = 'PUBLISHED'" + " or exists (select 1 from article_revision r where r.article_id = a.id))";

    private final JdbcTemplate jdbc;

    ArticleRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An op-ed's record, without its content.
     *
     * @param id its key, which never changes
     * @param changedAt when it last changed (a correction, a publication, its withdrawal)
     * @param deleted whether it was taken off the site
     * @param topics the slugs of the themes it is filed under, by slug
     */
    public record Header(long id, Instant changedAt, boolean deleted, List<String> topics) {}

    /** Where a page of records ended: the next starts after it. */
    public record Position(Instant changedAt, long id) {}

    /**
     * Which records: those that changed in {@code [from, before)}, filed under a theme (by key), under any theme, or
     * all.
     *
     * @param from the first instant, or null for the beginning
     * @param before the first instant after the period, or null for now
     * @param topicId the theme's key, or null
     * @param anyTopic whether only records filed under some theme count (ignored when {@code topicId} is given)
     */
    public record Selection(Instant from, Instant before, Long topicId, boolean anyTopic) {}

    /** Up to {@code limit} records of the selection after {@code after} (null: from the start), in order. */
    public List<Header> page(Selection selection, Position after, int limit) {
        StringBuilder sql =
                new StringBuilder("select a.id, a.updated_at, a.status from article a where ").append(HARVESTABLE);
        List<Object> arguments = new ArrayList<>();
        Instant lower = selection.from();
        if (after != null && (lower == null || !after.changedAt().isBefore(lower))) {
            sql.append(" and a.updated_at >= ? and (a.updated_at > ? or a.id > ?)");
            arguments.add(utc(after.changedAt()));
            arguments.add(utc(after.changedAt()));
            arguments.add(after.id());
        } else if (lower != null) {
            sql.append(" and a.updated_at >= ?");
            arguments.add(utc(lower));
        }
        if (selection.before() != null) {
            sql.append(" and a.updated_at < ?");
            arguments.add(utc(selection.before()));
        }
        if (selection.topicId() != null) {
            sql.append(" and exists (select 1 from article_topic t where t.article_id = a.id and t.topic_id = ?)");
            arguments.add(selection.topicId());
        } else if (selection.anyTopic()) {
            sql.append(" and exists (select 1 from article_topic t where t.article_id = a.id)");
        }
        sql.append(" order by a.updated_at, a.id limit ?");
        arguments.add(limit);
        List<Header> headers = jdbc.query(sql.toString(), ArticleRecords::header, arguments.toArray());
        return withTopics(headers);
    }

    /** One record, if the op-ed is or was public. */
    public Optional<Header> find(long id) {
        return withTopics(jdbc.query(
                        "select a.id, a.updated_at, a.status from article a where a.id = ? and " + HARVESTABLE,
                        ArticleRecords::header,
                        id))
                .stream()
                .findFirst();
    }

    /** The keys of up to {@code limit} published op-eds after {@code after}, in order: a dataset read in pages. */
    public List<Long> publishedAfter(long after, int limit) {
        return jdbc.queryForList(
                "select id from article where status = 'PUBLISHED' and id > ? order by id limit ?",
                Long.class,
                after,
                limit);
    }

    /** When the record that changed first changed, or null when there is none. */
    public Instant earliest() {
        return jdbc
                .query(
                        "select a.updated_at from article a where " + HARVESTABLE
                                + " order by a.updated_at, a.id limit 1",
                        (row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .stream()
                .findFirst()
                .orElse(null);
    }

    private List<Header> withTopics(List<Header> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<Long, List<String>> topics = new HashMap<>();
        String marks = String.join(",", headers.stream().map(h -> "?").toList());
        jdbc.query(
                "select t.article_id, p.slug from article_topic t join topic p on p.id = t.topic_id"
                        + " where t.article_id in (" + marks + ") order by p.slug",
                row -> {
                    topics.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(row.getString(2));
                },
                headers.stream().map(Header::id).toArray());
        return headers.stream()
                .map(h -> new Header(h.id(), h.changedAt(), h.deleted(), topics.getOrDefault(h.id(), List.of())))
                .toList();
    }

    private static Header header(ResultSet row, int n) throws SQLException {
        return new Header(
                row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant(),
                !ArticleStatus.PUBLISHED.name().equals(row.getString(3)),
                List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
