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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.annotations.SQLRestriction;

/**
 * A published op-ed as readers see it. Authors, themes and organisations are other features' records, linked by
 * key: this aggregate owns the links, not the records.
 *
 * <p>Read-only, and restricted to published op-eds in SQL: every query on it, whoever writes it, leaves drafts
 * out, so a draft cannot leak into a page, a list, a feed, the API or the sitemap by a forgotten condition.
 * Editors write through {@link EditableArticle}, which maps the same tables.
 */
@Entity
@Immutable
@SQLRestriction("status = 'PUBLISHED'")
class Article implements ArticleContent {

    /** How many articles' collections one query loads when a list is shown. */
    static final int BATCH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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
    @BatchSize(size = BATCH)
    private List<Signature> signatures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "topic_id")
    private Set<Long> topicIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "article_organisation", joinColumns = @JoinColumn(name = "article_id"))
    private Set<Mention> mentions = new HashSet<>();

    protected Article() {}

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
