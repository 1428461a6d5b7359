package fr.tribunes.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface AuthorRepository extends Repository<Author, Long> {

    Optional<Author> findBySlug(String slug);

    List<Author> findByIdIn(Collection<Long> ids);

    List<Author> findAllByOrderBySlug();
}
