package fr.tribunes.capture;

import fr.tribunes.article.ArticleCaptures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The captures kept as evidence ({@code capture}, V13): written once with their WARC file, never changed, linked to
 * the op-eds extracted from them; the op-ed page asks for its capture through {@link ArticleCaptures}.
 */
@Service
public class Captures implements ArticleCaptures {

    private final JdbcTemplate jdbc;

    Captures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A capture, without its WARC file.
     *
     * @param kind {@code html}, {@code warc} or {@code wxr}
     */
    public record Capture(
            long id,
            String sourceUrl,
            String fileName,
            String kind,
            Instant capturedAt,
            String payloadSha256,
            String warcSha256,
            long warcSize,
            String capturedBy) {}

    /** Keeps a capture's evidence; returns its key. The WARC file is streamed into the database, not held. */
    @Transactional
    long store(String sourceUrl, String fileName, String kind, Instant capturedAt, Evidence evidence, String editor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into capture (source_url, file_name, kind, captured_at, payload_sha256, warc_sha256,"
                                    + " warc_size, warc, captured_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, sourceUrl);
                    insert.setString(2, fileName);
                    insert.setString(3, kind);
                    insert.setObject(4, OffsetDateTime.ofInstant(capturedAt, ZoneOffset.UTC));
                    insert.setString(5, evidence.payloadSha256());
                    insert.setString(6, evidence.warcSha256());
                    insert.setLong(7, evidence.warcSize());
                    try {
                        insert.setBinaryStream(8, Files.newInputStream(evidence.file()), evidence.warcSize());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    insert.setString(9, editor);
                    return insert;
                },
                key);
        return key.getKey().longValue();
    }

    /** Links an op-ed to the capture it was extracted from, with what was extracted. */
    @Transactional
    void link(long articleId, long captureId, String extracted) {
        jdbc.update(
                "insert into article_capture (article_id, capture_id, extracted) values (?, ?, ?)",
                articleId,
                captureId,
                extracted);
    }

    /** What was extracted from its capture for an op-ed, if it came in by an import. */
    @Transactional(readOnly = true)
    public Optional<String> extractedFor(long articleId) {
        return jdbc
                .queryForList("select extracted from article_capture where article_id = ?", String.class, articleId)
                .stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Capture> find(long id) {
        return jdbc.query("select " + COLUMNS + " from capture c where c.id = ?", Captures::capture, id).stream()
                .findFirst();
    }

    /** Copies a capture's WARC file to {@code out}, as stored. */
    @Transactional(readOnly = true)
    public void copyWarc(long id, OutputStream out) {
        jdbc.query(
                "select warc from capture where id = ?",
                (ResultSet row) -> {
                    try (InputStream in = row.getBinaryStream(1)) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Provenance> provenanceOf(long articleId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from capture c join article_capture a on a.capture_id = c.id"
                                + " where a.article_id = ?",
                        Captures::capture,
                        articleId)
                .stream()
                .findFirst()
                .map(c -> new Provenance(c.id(), c.capturedAt(), c.payloadSha256(), c.sourceUrl()));
    }

    private static final String COLUMNS = "c.id, c.source_url, c.file_name, c.kind, c.captured_at, c.payload_sha256,"
            + " c.warc_sha256, c.warc_size, c.captured_by";

    private static Capture capture(ResultSet row, int n) throws SQLException {
        return new Capture(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(),
                row.getString(6),
                row.getString(7),
                row.getLong(8),
                row.getString(9));
    }
}
