package fr.tribunes.article.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ArticleRepository extends Repository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    /** A query, so that the restriction to published op-eds applies. */
    @Query("select a from Article a where a.id = :id")
    Optional<Article> findById(long id);

    List<Article> findByIdIn(Collection<Long> ids);
}
