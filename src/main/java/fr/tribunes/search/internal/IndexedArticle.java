package fr.tribunes.search.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * An op-ed as the search index sees it: a read-only view of the {@code article} table and its links, with the
 * names of its authors, themes and organisations. Only published op-eds: drafts are never searchable. The article feature writes op-eds; {@link SearchIndex} keeps
 * this index in step.
 */
@Entity(name = "IndexedArticle")
@Table(name = "article")
@Immutable
@SQLRestriction("status = 'PUBLISHED'")
@Indexed(index = "article")
public class IndexedArticle {

    @Id
    private Long id;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH, highlightable = Highlightable.ANY)
    private String title;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH, highlightable = Highlightable.ANY)
    private String standfirst;

    @GenericField(sortable = Sortable.YES)
    private LocalDate publishedOn;

    /**
     * The op-ed's version (its optimistic lock, moved by every save, publication and withdrawal): after a crash,
     * {@link LocalSearchIndex} compares it with the database's to find the op-eds whose last change missed the index.
     */
    @GenericField(projectable = Projectable.YES)
    private long version;

    @ElementCollection
    @CollectionTable(name = "article_block", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "body")
    @FullTextField(name = "body", analyzer = FrenchAnalysis.FRENCH, highlightable = Highlightable.ANY)
    private List<String> blocks = new ArrayList<>();

    @ManyToMany
    @JoinTable(
            name = "article_author",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @IndexedEmbedded
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    private Set<IndexedAuthor> authors = new HashSet<>();

    @ManyToMany
    @JoinTable(
            name = "article_topic",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    @IndexedEmbedded
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    private Set<IndexedTopic> topics = new HashSet<>();

    @ManyToMany
    @JoinTable(
            name = "article_organisation",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    @IndexedEmbedded
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    private Set<IndexedOrganisation> organisations = new HashSet<>();

    protected IndexedArticle() {}

    Long id() {
        return id;
    }

    /** The year of publication, for the facet by year. */
    @Transient
    @GenericField(aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "publishedOn")))
    public int getYear() {
        return publishedOn.getYear();
    }
}
