package fr.tribunes.search.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;

/** The {@code topic} table as the index reads it: its key for facets, its name for the words. */
@Entity(name = "IndexedTopic")
@Table(name = "topic")
@Immutable
class IndexedTopic {

    @Id
    @GenericField(name = "key", aggregable = Aggregable.YES)
    private Long id;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH)
    private String name;

    protected IndexedTopic() {}
}
