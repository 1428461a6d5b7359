package fr.tribunes.system;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up one kind of facet (themes, authors or organisations) for the other features, as view records.
 * Lists come in the order of slugs, which ignore accents and case and so sort the same on every database.
 */
@Transactional(readOnly = true)
public abstract class FacetDirectory<E extends FacetEntity, R extends Facet> {

    private final FacetRepository<E> repository;

    private final Function<E, R> toRef;

    protected FacetDirectory(FacetRepository<E> repository, Function<E, R> toRef) {
        this.repository = repository;
        this.toRef = toRef;
    }

    /** The facets with these keys. */
    public List<R> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return repository.findByIdIn(ids).stream()
                .map(toRef)
                .sorted(Comparator.comparing(Facet::slug))
                .toList();
    }

    public Optional<R> findBySlug(String slug) {
        return repository.findBySlug(slug).map(toRef);
    }

    public List<R> findAll() {
        return repository.findAllByOrderBySlug().stream().map(toRef).toList();
    }
}
