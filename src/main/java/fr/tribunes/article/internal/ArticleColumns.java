package fr.tribunes.article.internal;

import fr.tribunes.article.Rights;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
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
 * The columns and links of the {@code article} table, shared by the published op-eds readers see
 * ({@link Article}) and the op-eds editors write ({@link EditableArticle}). Fields are package-private so that
 * only the editors' entity, in this package, writes them.
 */
@MappedSuperclass
abstract class ArticleColumns implements ArticleContent {

    /** How many articles' collections one query loads when a list is shown. */
    static final int BATCH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String slug;

    String title;

    String standfirst;

    LocalDate publishedOn;

    @Enumerated(EnumType.STRING)
    DatePrecision datePrecision;

    boolean dateApproximate;

    String dateNote;

    String originalPublisher;

    String originalUrl;

    String rightsHolder;

    @Enumerated(EnumType.STRING)
    Rights.Basis rightsBasis;

    String rightsLicense;

    Instant addedAt;

    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "article_block", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    List<ArticleBlock> blocks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @BatchSize(size = BATCH)
    List<Signature> signatures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "topic_id")
    Set<Long> topicIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "article_organisation", joinColumns = @JoinColumn(name = "article_id"))
    Set<Mention> mentions = new HashSet<>();

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
    public Rights rights() {
        return new Rights(rightsHolder, rightsBasis, rightsLicense);
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
