package fr.tribunes.article.internal;

import jakarta.persistence.Entity;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;

/**
 * A published op-ed as readers see it. Authors, themes and organisations are other features' records, linked by
 * key: this aggregate owns the links, not the records.
 *
 * <p>Read-only, and restricted to published op-eds in SQL: every query on it, whoever writes it, leaves drafts
 * out, so a draft cannot leak into a page, a list, a feed, the API or the sitemap by a forgotten condition.
 * Editors write through {@link EditableArticle}, which maps the same tables ({@link ArticleColumns}).
 */
@Entity
@Immutable
@SQLRestriction("status = 'PUBLISHED'")
class Article extends ArticleColumns {

    protected Article() {}
}
