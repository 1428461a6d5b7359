package fr.tribunes.author;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up authors for the other features. */
@Service
@Transactional(readOnly = true)
public class Authors {

    private final AuthorRepository authors;

    Authors(AuthorRepository authors) {
        this.authors = authors;
    }

    /** The authors with these keys, in alphabetical order of their slugs. */
    public List<AuthorRef> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return authors.findByIdIn(ids).stream()
                .map(Author::toRef)
                .sorted(Comparator.comparing(AuthorRef::slug))
                .toList();
    }

    public Optional<AuthorRef> findBySlug(String slug) {
        return authors.findBySlug(slug).map(Author::toRef);
    }

    public List<AuthorRef> findAll() {
        return authors.findAllByOrderBySlug().stream().map(Author::toRef).toList();
    }
}
