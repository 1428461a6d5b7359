package fr.tribunes.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The op-eds whose comments are closed: one row each in {@code comment_closed}. */
@Component
class CommentClosures {

    private final JdbcTemplate jdbc;

    CommentClosures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isClosed(long articleId) {
        return !jdbc.queryForList("select 1 from comment_closed where article_id = ?", Integer.class, articleId)
                .isEmpty();
    }

    /** Closes them; false when they already were. */
    boolean close(long articleId, String editor, Instant now) {
        if (isClosed(articleId)) {
            return false;
        }
        try {
            jdbc.update(
                    "insert into comment_closed (article_id, closed_at, closed_by) values (?, ?, ?)",
                    articleId,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    editor);
            return true;
        } catch (DuplicateKeyException anotherEditorWasFirst) {
            return false;
        }
    }

    /** Opens them again; false when they were open. */
    boolean reopen(long articleId) {
        return jdbc.update("delete from comment_closed where article_id = ?", articleId) > 0;
    }

    /** The op-eds with closed comments, most recently closed first. */
    List<Long> closedArticleIds() {
        return jdbc.queryForList(
                "select article_id from comment_closed order by closed_at desc, article_id desc", Long.class);
    }
}
