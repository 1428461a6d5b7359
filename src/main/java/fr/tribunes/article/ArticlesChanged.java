package fr.tribunes.article;

import java.util.Set;

/**
 * Published, after the transaction commits, when op-eds were created, edited, published, unpublished or deleted,
 * so that what is derived from them (the search index, caches) follows.
 *
 * @param ids the op-eds' keys
 */
public record ArticlesChanged(Set<Long> ids) {}
