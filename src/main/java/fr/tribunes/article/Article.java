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
import org.hibernate.annotations.ListIndexBase;

/**
 * An op-ed as the archive holds it. Authors, themes and organisations are other features' records, linked by
 * key: this aggregate owns the links, not the records.
 */
@Entity
class Article {

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

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String standfirst() {
        return standfirst;
    }

    PublicationDate publicationDate() {
        return new PublicationDate(publishedOn, datePrecision, dateApproximate);
    }

    String dateNote() {
        return dateNote;
    }

    String originalPublisher() {
        return originalPublisher;
    }

    String originalUrl() {
        return originalUrl;
    }

    Instant addedAt() {
        return addedAt;
    }

    List<ArticleBlock> blocks() {
        return blocks;
    }

    List<Signature> signatures() {
        return signatures;
    }

    Set<Long> topicIds() {
        return topicIds;
    }

    Set<Mention> mentions() {
        return mentions;
    }
}
