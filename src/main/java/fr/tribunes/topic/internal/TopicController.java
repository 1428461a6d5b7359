package fr.tribunes.topic.internal;

import fr.tribunes.facet.FacetPages;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of themes and each one's page, as every facet has them ({@link FacetPages}). */
@Controller
class TopicController {

    static final FacetPages.Kind KIND =
            new FacetPages.Kind("/themes", "topic", "topic/topics", "topic/topic", "Aucun thème n’a l’adresse « %s ».");

    private final FacetPages<TopicRef> pages;

    TopicController(Topics topics, TopicArticles articles) {
        this.pages = new FacetPages<>(KIND, topics, articles::findByTopic, articles::countByTopic);
    }

    @GetMapping("/themes")
    String topics(Model model) {
        return pages.list(model);
    }

    @GetMapping("/themes/{slug}")
    Object topic(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        return pages.page(slug, page, model);
    }
}
