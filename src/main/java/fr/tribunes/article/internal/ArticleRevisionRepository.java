package fr.tribunes.article.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface ArticleRevisionRepository extends Repository<ArticleRevision, Long> {

    List<ArticleRevision> findByArticleIdOrderByNumberDesc(long articleId);

    Optional<ArticleRevision> findByArticleIdAndNumber(long articleId, int number);

    Optional<ArticleRevision> findFirstByArticleIdOrderByNumberDesc(long articleId);

    ArticleRevision save(ArticleRevision revision);
}
