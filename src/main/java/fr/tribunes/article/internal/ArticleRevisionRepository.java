package fr.tribunes.article.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ArticleRevisionRepository extends Repository<ArticleRevision, Long> {

    List<ArticleRevision> findByArticleIdOrderByNumberDesc(long articleId);

    Optional<ArticleRevision> findByArticleIdAndNumber(long articleId, int number);

    Optional<ArticleRevision> findFirstByArticleIdOrderByNumberDesc(long articleId);

    ArticleRevision save(ArticleRevision revision);

    /** When each version was saved, oldest first, without the snapshots. */
    @Query("select new fr.tribunes.article.internal.ArticleMementos$Memento(r.number, r.savedAt)"
            + " from ArticleRevision r where r.articleId = ?1 order by r.number")
    List<ArticleMementos.Memento> findMementos(long articleId);
}
