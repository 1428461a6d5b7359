package fr.tribunes.search.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class SearchController {

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);

    static final String SEARCH_VIEW = "search/search";

    static final String UNAVAILABLE_VIEW = "error/503";

    /** What a reader is told to wait, in seconds, when the search engine does not answer. */
    static final int RETRY_AFTER_SECONDS = 60;

    private final ArchiveSearch search;

    private final MessageSource messages;

    SearchController(ArchiveSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
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

    /**
     * The search engine does not answer (a search cluster cut off or restarting, an index that cannot be read): 503
     * in French, the same search to try again, and the ways to browse that do not need it. Not the reader's doing.
     */
    @ExceptionHandler(SearchException.class)
    ModelAndView unavailable(SearchException e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Search failed, answered 503: {}", e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView(UNAVAILABLE_VIEW, HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        page.addObject("reason", messages.getMessage("search.unavailable", null, LocaleContextHolder.getLocale()));
        String query = request.getQueryString();
        page.addObject("retry", request.getRequestURI() + (query == null ? "" : "?" + query));
        return page;
    }
}
