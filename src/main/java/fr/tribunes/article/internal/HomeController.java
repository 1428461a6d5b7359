package fr.tribunes.article.internal;

import fr.tribunes.author.Authors;
import fr.tribunes.facet.FacetCount;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.topic.Topics;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String HOME_VIEW = "home";

    /** The themes and authors the home page lists, those with the most op-eds; the rest are a link away. */
    static final int LISTED = 24;

    static final int LATEST = 10;

    private final ArticleCatalog catalog;

    private final Topics topics;

    private final Authors authors;

    HomeController(ArticleCatalog catalog, Topics topics, Authors authors) {
        this.catalog = catalog;
        this.topics = topics;
        this.authors = authors;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "latest", catalog.findLatest(PageRequest.of(0, LATEST)).getContent());
        model.addAttribute("topics", mostUsed(topics, ArticleListings.Kind.TOPIC));
        model.addAttribute("authors", mostUsed(authors, ArticleListings.Kind.AUTHOR));
        return HOME_VIEW;
    }

    /** The {@value #LISTED} with the most op-eds, read from the kept counts, in the order of their slugs. */
    private List<FacetCount> mostUsed(FacetDirectory<?, ?> directory, ArticleListings.Kind kind) {
        Map<Long, Long> counts = catalog.mostUsed(kind, LISTED);
        return FacetCount.all(directory.findAllByIds(counts.keySet()), counts);
    }
}
