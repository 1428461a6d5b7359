package fr.tribunes.search.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchController {

    static final String SEARCH_VIEW = "search/search";

    private final ArchiveSearch search;

    SearchController(ArchiveSearch search) {
        this.search = search;
    }

    @GetMapping("/recherche")
    String search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "auteur", required = false) String auteur,
            @RequestParam(name = "annee", required = false) String annee,
            @RequestParam(name = "tri", required = false) String tri,
            @RequestParam(name = "page", required = false) String page,
            Model model) {
        SearchRequest request = SearchRequest.parse(q, theme, auteur, annee, tri, page);
        model.addAttribute("request", request);
        if (!request.isEmpty()) {
            model.addAttribute("search", search.search(request));
        }
        return SEARCH_VIEW;
    }
}
