package fr.tribunes.article;

import fr.tribunes.author.Authors;
import fr.tribunes.system.FacetCount;
import fr.tribunes.topic.Topics;
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
        model.addAttribute("topics", FacetCount.mostUsed(topics.findAll(), catalog.countByTopic(), LISTED));
        model.addAttribute("authors", FacetCount.mostUsed(authors.findAll(), catalog.countByAuthor(), LISTED));
        return HOME_VIEW;
    }
}
