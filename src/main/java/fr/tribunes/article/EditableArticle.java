package fr.tribunes.article;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.ListIndexBase;

/**
 * An op-ed as editors handle it, drafts included: the same tables as {@link Article}, writable, with a version
 * number so that two editors saving the same op-ed cannot overwrite each other silently.
 */
@Entity(name = "EditableArticle")
@Table(name = "article")
class EditableArticle implements ArticleContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private String slug;

    private String title;

    private String standfirst;

    private LocalDate publishedOn;

    @Enumerated(EnumType.STRING)
    private DatePrecision datePrecision;

    private boolean dateApproximate;

    private String dateNote;

    private String originalPublisher;

    private String originalUrl;

    private Instant addedAt;

    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "article_block", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<ArticleBlock> blocks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<Signature> signatures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "topic_id")
    private Set<Long> topicIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "article_organisation", joinColumns = @JoinColumn(name = "article_id"))
    private Set<Mention> mentions = new HashSet<>();

    protected EditableArticle() {}

    EditableArticle(Instant now) {
        this.status = ArticleStatus.DRAFT;
        this.addedAt = now;
        this.updatedAt = now;
    }

    /** Replaces everything editors write; links are given as keys of existing records. */
    void write(
            String slug,
            String title,
            String standfirst,
            PublicationDate date,
            String dateNote,
            String originalPublisher,
            String originalUrl,
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

    void publish(Instant now) {
        this.status = ArticleStatus.PUBLISHED;
        this.updatedAt = now;
    }

    void unpublish(Instant now) {
        this.status = ArticleStatus.DRAFT;
        this.updatedAt = now;
    }

    /** Keeps the date an import gives for when the op-ed entered the archive. */
    void addedAt(Instant addedAt) {
        this.addedAt = addedAt;
    }

    /** Keeps the date an import gives for when the archive's copy last changed. */
    void updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    long version() {
        return version;
    }

    ArticleStatus status() {
        return status;
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String standfirst() {
        return standfirst;
    }

    @Override
    public PublicationDate publicationDate() {
        return new PublicationDate(publishedOn, datePrecision, dateApproximate);
    }

    @Override
    public String dateNote() {
        return dateNote;
    }

    @Override
    public String originalPublisher() {
        return originalPublisher;
    }

    @Override
    public String originalUrl() {
        return originalUrl;
    }

    @Override
    public Instant addedAt() {
        return addedAt;
    }

    @Override
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public List<ArticleBlock> blocks() {
        return blocks;
    }

    @Override
    public List<Signature> signatures() {
        return signatures;
    }

    @Override
    public Set<Long> topicIds() {
        return topicIds;
    }

    @Override
    public Set<Mention> mentions() {
        return mentions;
    }
}
