package fr.tribunes.article;

import fr.tribunes.system.BadRequestException;
import fr.tribunes.system.NotFoundException;
import fr.tribunes.system.PageNumber;
import fr.tribunes.system.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ArticleController {

    static final String ARTICLE_VIEW = "article/article";

    static final String ARCHIVES_VIEW = "article/archives";

    static final String YEAR_VIEW = "article/year";

    static final int PAGE_SIZE = 20;

    private final ArticleCatalog catalog;

    private final ArticleMetadataFactory metadata;

    ArticleController(ArticleCatalog catalog, ArticleMetadataFactory metadata) {
        this.catalog = catalog;
        this.metadata = metadata;
    }

    @GetMapping("/tribunes/{slug}")
    String article(@PathVariable String slug, Model model) {
        ArticleView article = catalog.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
        model.addAttribute("article", article);
        model.addAttribute("meta", metadata.of(article));
        return ARTICLE_VIEW;
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
