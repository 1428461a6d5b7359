package fr.tribunes.article.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface EditableArticleRepository extends Repository<EditableArticle, Long> {

    Optional<EditableArticle> findById(Long id);

    Optional<EditableArticle> findBySlug(String slug);

    List<EditableArticle> findByIdIn(Collection<Long> ids);

    boolean existsBySlug(String slug);

    /** Drafts and published op-eds whose title contains the words asked for, most recently changed first. */
    @Query("select a from EditableArticle a where lower(a.title) like lower(concat('%', :title, '%'))"
            + " order by a.updatedAt desc, a.id desc")
    List<EditableArticle> findByTitle(String title, Pageable limit);

    /** The op-eds after a key, by key: one batch of an export. */
    @Query("select a from EditableArticle a where a.id > :after order by a.id")
    List<EditableArticle> findAfter(@Param("after") long after, Pageable limit);

    /** Every op-ed's slug: the names of an export's files. */
    @Query("select a.slug from EditableArticle a")
    List<String> findAllSlugs();

    EditableArticle save(EditableArticle article);
}
