package fr.tribunes.article;

import java.util.List;

/** Op-eds whole, newest first, for feeds and exports. */
public interface ArticleDocuments {

    /**
     * The newest op-eds, optionally only those signed by an author and/or filed under a theme.
     *
     * @param authorId the author's key, or null for any
     * @param topicId the theme's key, or null for any
     * @param limit how many at most
     */
    List<ArticleDocument> findLatest(Long authorId, Long topicId, int limit);

    /** One page of the op-eds matching every filter given (null matches all), newest first. */
    org.springframework.data.domain.Page<ArticleDocument> findMatching(
            Long authorId,
            Long topicId,
            Long organisationId,
            Integer year,
            org.springframework.data.domain.Pageable pageable);

    /** The published op-eds with these keys, whole, in the keys' order; a key not published is left out. */
    List<ArticleDocument> findDocuments(List<Long> ids);

    /** One op-ed whole, by its slug. */
    java.util.Optional<ArticleDocument> findDocument(String slug);

    /**
     * The published op-eds whose keys are in {@code (after, upTo]}, by key, with when each last changed: a sitemap
     * file. Keys never change, so an op-ed stays in the same file.
     */
    java.util.List<Dated> findDated(long after, long upTo);

    /** Whether any published op-ed has a key in {@code (after, upTo]}. */
    boolean anyPublished(long after, long upTo);

    /** The years op-eds were published in, each with when its list last changed: the sitemap's year pages. */
    java.util.Map<Long, java.time.Instant> lastChangeByYear();

    /** The largest key of a published op-ed, 0 when none is. */
    long lastPublishedId();

    /** An op-ed's address and when it last changed. */
    record Dated(String slug, java.time.Instant changedAt) {}
}
