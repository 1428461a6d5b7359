package fr.tribunes.article.internal;

import fr.tribunes.article.Rights;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What an op-ed page shows, whether the op-ed is published ({@link Article}) or a draft ({@link EditableArticle}). */
public interface ArticleContent {

    Long id();

    String slug();

    String title();

    String standfirst();

    PublicationDate publicationDate();

    String dateNote();

    String originalPublisher();

    String originalUrl();

    /** Who holds the rights and on what footing the archive reproduces the text. */
    Rights rights();

    Instant addedAt();

    Instant updatedAt();

    List<ArticleBlock> blocks();

    List<Signature> signatures();

    Collection<Long> topicIds();

    Collection<Mention> mentions();
}
