package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleCaptures;
import fr.tribunes.article.ArticleComments;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.PageNumber;
import fr.tribunes.web.Pagination;
import fr.tribunes.web.Redirects;
import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class ArticleController {

    static final String ARTICLE_VIEW = "article/article";

    static final String ARCHIVES_VIEW = "article/archives";

    static final String YEAR_VIEW = "article/year";

    static final String HISTORY_VIEW = "article/history";

    static final int PAGE_SIZE = 20;

    private final ArticleCatalog catalog;

    private final ArticleMetadataFactory metadata;

    private final ArticleHistory history;

    private final FormerSlugs formerSlugs;

    private final ObjectProvider<ArticleComments> comments;

    private final ObjectProvider<ArticleCaptures> captures;

    /** The capture an imported op-ed came from, as its provenance says it. */
    record CaptureView(String capturedOn, String sha256) {}

    private final SiteUrls urls;

    ArticleController(
            ArticleCatalog catalog,
            ArticleMetadataFactory metadata,
            ArticleHistory history,
            FormerSlugs formerSlugs,
            ObjectProvider<ArticleComments> comments,
            ObjectProvider<ArticleCaptures> captures,
            SiteUrls urls) {
        this.catalog = catalog;
        this.metadata = metadata;
        this.history = history;
        this.formerSlugs = formerSlugs;
        this.comments = comments;
        this.captures = captures;
        this.urls = urls;
    }

    @GetMapping("/tribunes/{slug}")
    Object article(@PathVariable String slug, Model model, HttpServletResponse response) {
        Optional<ArticleView> found = catalog.findBySlug(slug);
        if (found.isEmpty()) {
            return moved(slug, "");
        }
        ArticleView article = found.get();
        // Memento (RFC 7089): this page is the original resource; its versions are found from here.
        response.setHeader(HttpHeaders.LINK, MementoController.originalLinks(urls, article.slug()));
        model.addAttribute("article", article);
        model.addAttribute("meta", metadata.of(article));
        // Loaded here, before rendering: the template runs no query. Absent when no feature handles comments.
        comments.ifAvailable(c -> model.addAttribute("comments", c.sectionOf(article.id(), article.slug())));
        captures.ifAvailable(c -> c.provenanceOf(article.id())
                .ifPresent(p -> model.addAttribute(
                        "capture",
                        new CaptureView(
                                PublicationDate.dayLabel(LocalDate.ofInstant(p.capturedAt(), ArticleCatalog.ZONE)),
                                p.sha256()))));
        return ARTICLE_VIEW;
    }

    @GetMapping("/tribunes/{slug}/historique")
    Object history(
            @PathVariable String slug, @RequestParam(name = "version", required = false) String version, Model model) {
        Integer shown = null;
        if (version != null) {
            if (!version.matches("[1-9][0-9]{0,8}")) {
                throw new BadRequestException(
                        "« %s » n’est pas un numéro de version : indiquez un nombre entier positif, par exemple 2."
                                .formatted(version));
            }
            shown = Integer.parseInt(version);
        }
        Optional<ArticleHistory.HistoryView> found = history.find(slug, shown);
        if (found.isEmpty()) {
            if (shown != null && catalog.findBySlug(slug).isPresent()) {
                throw new NotFoundException("Cette tribune n’a pas de version n° %d.".formatted(shown));
            }
            return moved(slug, "/historique");
        }
        model.addAttribute("history", found.get());
        return HISTORY_VIEW;
    }

    /** An op-ed whose address changed answers with a permanent redirect; anything else is not found. */
    private RedirectView moved(String slug, String suffix) {
        return formerSlugs
                .target(FormerSlugs.Kind.ARTICLE, slug)
                .flatMap(catalog::findSlugById)
                .map(current -> Redirects.permanent("/tribunes/" + current + suffix, null))
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
    }

    @GetMapping("/archives")
    String archives(Model model) {
        model.addAttribute("years", catalog.countByYear());
        return ARCHIVES_VIEW;
    }

    @GetMapping("/archives/{year}")
    String year(@PathVariable String year, @RequestParam(name = "page", required = false) String page, Model model) {
        if (!year.matches("[0-9]{4}")) {
            throw new BadRequestException(
                    "« %s » n’est pas une année : indiquez-la sur quatre chiffres, par exemple 2015.".formatted(year));
        }
        int number = Integer.parseInt(year);
        PageNumber requested = PageNumber.parse(page);
        Pagination<?> articles =
                Pagination.of(catalog.findPublishedIn(number, requested.pageable(PAGE_SIZE)), requested);
        if (articles.totalItems() == 0) {
            throw new NotFoundException("Aucune tribune de l’archive n’a été publiée en %d.".formatted(number));
        }
        model.addAttribute("year", year);
        model.addAttribute("articles", articles);
        return YEAR_VIEW;
    }
}
