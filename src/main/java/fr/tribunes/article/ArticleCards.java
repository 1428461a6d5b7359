package fr.tribunes.article;

import fr.tribunes.facet.ArticleCard;
import java.util.List;
import java.util.Map;

/** Op-eds as list cards, for features that find op-eds by other means (search). */
public interface ArticleCards {

    /** The cards of these op-eds, by key; keys of op-eds that no longer exist are absent. */
    Map<Long, ArticleCard> findByIds(List<Long> ids);

    /** How many op-eds the archive holds. */
    long count();
}
