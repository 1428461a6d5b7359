package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleFileException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One saved version of a published op-ed: who saved it, when, why, and the whole op-ed as it then was, in the
 * exchange format ({@link ArticleFile}) of its time, numbered ({@link RevisionFormat}), so that versions can be
 * compared line by line and restored whatever the format has become since.
 */
@Entity
@Table(name = "article_revision")
public class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    private int number;

    private Instant savedAt;

    private String editor;

    private String reason;

    private String snapshot;

    /** The format the snapshot is written in ({@link RevisionFormat}). */
    private int snapshotFormat;

    protected ArticleRevision() {}

    public ArticleRevision(long articleId, int number, Instant savedAt, String editor, String reason, String snapshot) {
        this.articleId = articleId;
        this.number = number;
        this.savedAt = savedAt;
        this.editor = editor;
        this.reason = reason;
        this.snapshot = snapshot;
        this.snapshotFormat = RevisionFormat.CURRENT;
    }

    long articleId() {
        return articleId;
    }

    public int number() {
        return number;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public String editor() {
        return editor;
    }

    public String reason() {
        return reason;
    }

    /** The op-ed as it was, read in the format it was written in. */
    public ArticleDraft draft() throws ArticleFileException {
        return RevisionFormat.read(snapshotFormat, snapshot, name());
    }

    /**
     * The snapshot in the current format, to compare with another revision's or with the op-ed's current state.
     *
     * @throws IllegalStateException if the stored snapshot cannot be read in its format
     */
    public String comparable() {
        try {
            return RevisionFormat.inCurrentFormat(snapshotFormat, snapshot, name());
        } catch (ArticleFileException e) {
            throw new IllegalStateException("Revision " + number + " of op-ed " + articleId + " cannot be read", e);
        }
    }

    private String name() {
        return "version-" + number;
    }
}
