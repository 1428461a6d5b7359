package fr.tribunes.topic;

import fr.tribunes.facet.ArticleCard;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The op-eds filed under each theme; implemented by the article feature, which owns the links. */
public interface TopicArticles {

    /** The op-eds filed under a theme, newest first. */
    Page<ArticleCard> findByTopic(long topicId, Pageable pageable);

    /** How many op-eds each theme has, by theme key; themes without op-eds are absent. */
    Map<Long, Long> countByTopic();

    /**
     * How many published op-eds this one is on, from the kept counts (one row read). Zero for one known only from
     * drafts: the public site treats it as unknown.
     */
    long countPublishedByTopic(long topicId);

    /**
     * The theme found, if a published op-ed names it: one known only from drafts is unknown to
     * the public (its page, feeds, the API and search answer as for an unknown address).
     */
    default Optional<TopicRef> ifPublishedTopic(Optional<TopicRef> found) {
        return found.filter(candidate -> countPublishedByTopic(candidate.id()) > 0);
    }

    /** When each topic's newest-changed op-ed last changed, by key; themes without op-eds are absent. */
    Map<Long, java.time.Instant> lastChangeByTopic();
}
