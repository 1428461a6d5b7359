package fr.tribunes.article;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One saved version of a published op-ed: who saved it, when, why, and the whole op-ed as it then was, in the
 * exchange format ({@link ArticleFile}), so that versions can be compared line by line and restored.
 */
@Entity
@Table(name = "article_revision")
class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    private int number;

    private Instant savedAt;

    private String editor;

    private String reason;

    private String snapshot;

    protected ArticleRevision() {}

    ArticleRevision(long articleId, int number, Instant savedAt, String editor, String reason, String snapshot) {
        this.articleId = articleId;
        this.number = number;
        this.savedAt = savedAt;
        this.editor = editor;
        this.reason = reason;
        this.snapshot = snapshot;
    }

    long articleId() {
        return articleId;
    }

    int number() {
        return number;
    }

    Instant savedAt() {
        return savedAt;
    }

    String editor() {
        return editor;
    }

    String reason() {
        return reason;
    }

    String snapshot() {
        return snapshot;
    }
}
