package fr.tribunes.search.internal;

import fr.tribunes.search.SearchIndex;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Rattraper maintenant », the button of the banner the back office shows while the search index is behind
 * ({@link SearchIndexBanner}): indexes again the op-eds it missed, then back to the back office's first page.
 */
@Controller
class SearchIndexController {

    static final String CATCH_UP = "/admin/index-de-recherche/rattrapage";

    private final SearchIndex index;

    SearchIndexController(SearchIndex index) {
        this.index = index;
    }

    @PostMapping(CATCH_UP)
    String catchUp(RedirectAttributes flash) {
        flash.addFlashAttribute(index.catchUpNow() ? "searchIndexCaughtUp" : "searchIndexStillBehind", true);
        return "redirect:/admin/tribunes";
    }
}
