package fr.tribunes.article;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Finds op-eds for features that attach records to them (comments), without handing out the op-eds themselves. */
public interface ArticleRefs {

    /** The published op-ed at this address, if any. */
    Optional<ArticleRef> findPublishedBySlug(String slug);

    /** These op-eds, by key, drafts included: what is attached to a withdrawn op-ed still needs its title. */
    Map<Long, ArticleRef> findAllByIds(Collection<Long> ids);
}
