package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleStatus;
import fr.tribunes.article.Rights;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * An op-ed as editors handle it, drafts included: the same tables as {@link Article} ({@link ArticleColumns}),
 * writable, with a version number so that two editors saving the same op-ed cannot overwrite each other silently.
 */
@Entity(name = "EditableArticle")
@Table(name = "article")
public class EditableArticle extends ArticleColumns {

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    protected EditableArticle() {}

    public EditableArticle(Instant now) {
        this.status = ArticleStatus.DRAFT;
        this.addedAt = now;
        this.updatedAt = now;
    }

    /** Replaces everything editors write; links are given as keys of existing records. */
    public void write(
            String slug,
            String title,
            String standfirst,
            PublicationDate date,
            String dateNote,
            String originalPublisher,
            String originalUrl,
            Rights rights,
            List<ArticleBlock> blocks,
            List<Signature> signatures,
            Collection<Long> topicIds,
            Collection<Mention> mentions,
            Instant now) {
        this.slug = slug;
        this.title = title;
        this.standfirst = standfirst;
        this.publishedOn = date.firstDay();
        this.datePrecision = date.precision();
        this.dateApproximate = date.approximate();
        this.dateNote = dateNote;
        this.originalPublisher = originalPublisher;
        this.originalUrl = originalUrl;
        this.rightsHolder = rights.holder();
        this.rightsBasis = rights.basis();
        this.rightsLicense = rights.license();
        this.blocks.clear();
        this.blocks.addAll(blocks);
        this.signatures.clear();
        this.signatures.addAll(signatures);
        this.topicIds.clear();
        this.topicIds.addAll(topicIds);
        this.mentions.clear();
        this.mentions.addAll(mentions);
        this.updatedAt = now;
    }

    public void publish(Instant now) {
        this.status = ArticleStatus.PUBLISHED;
        this.updatedAt = now;
    }

    public void unpublish(Instant now) {
        this.status = ArticleStatus.DRAFT;
        this.updatedAt = now;
    }

    /** Keeps the date an import gives for when the op-ed entered the archive. */
    public void addedAt(Instant addedAt) {
        this.addedAt = addedAt;
    }

    /** Keeps the date an import gives for when the archive's copy last changed. */
    public void updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long version() {
        return version;
    }

    public ArticleStatus status() {
        return status;
    }
}
