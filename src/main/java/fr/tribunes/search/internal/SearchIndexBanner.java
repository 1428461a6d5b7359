package fr.tribunes.search.internal;

import fr.tribunes.search.SearchIndex;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code searchIndexBehind}: how many op-eds the search index missed ({@link SearchIndex#behind()},
 * -1 when which is not known), 0 when it is up to date. The administration's header shows a banner when it is not 0.
 */
@ControllerAdvice
class SearchIndexBanner {

    private final SearchIndex index;

    SearchIndexBanner(SearchIndex index) {
        this.index = index;
    }

    @ModelAttribute("searchIndexBehind")
    int searchIndexBehind() {
        return index.behind();
    }
}
