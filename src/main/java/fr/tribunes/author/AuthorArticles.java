package fr.tribunes.author;

import fr.tribunes.facet.ArticleCard;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The op-eds each author signed; implemented by the article feature, which owns the bylines. */
public interface AuthorArticles {

    /** The op-eds an author signed, newest first, each with the role the author held at the time. */
    Page<ArticleCard> findByAuthor(long authorId, Pageable pageable);

    /** How many op-eds each author signed, by author key; authors without op-eds are absent. */
    Map<Long, Long> countByAuthor();

    /**
     * How many published op-eds this one is on, from the kept counts (one row read). Zero for one known only from
     * drafts: the public site treats it as unknown.
     */
    long countPublishedByAuthor(long authorId);

    /**
     * The author found, if a published op-ed names it: one known only from drafts is unknown to
     * the public (its page, feeds, the API and search answer as for an unknown address).
     */
    default Optional<AuthorRef> ifPublishedAuthor(Optional<AuthorRef> found) {
        return found.filter(candidate -> countPublishedByAuthor(candidate.id()) > 0);
    }

    /** When each author's newest-changed op-ed last changed, by key; authors without op-eds are absent. */
    Map<Long, java.time.Instant> lastChangeByAuthor();
}
