package fr.tribunes.facet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/** The queries every facet table answers. */
@NoRepositoryBean
public interface FacetRepository<E extends FacetEntity> extends Repository<E, Long> {

    Optional<E> findById(Long id);

    Optional<E> findBySlug(String slug);

    List<E> findByIdIn(Collection<Long> ids);

    List<E> findAllByOrderBySlug();

    List<E> findByNameOrderById(String name);

    boolean existsBySlug(String slug);

    E save(E facet);
}
