package fr.tribunes.topic;

import fr.tribunes.facet.ArticleCard;
import fr.tribunes.facet.FacetCount;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.PageNumber;
import fr.tribunes.web.Pagination;
import fr.tribunes.web.Redirects;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class TopicController {

    static final String TOPICS_VIEW = "topic/topics";

    static final String TOPIC_VIEW = "topic/topic";

    static final int PAGE_SIZE = 20;

    private final Topics topics;

    private final TopicArticles articles;

    TopicController(Topics topics, TopicArticles articles) {
        this.topics = topics;
        this.articles = articles;
    }

    @GetMapping("/themes")
    String topics(Model model) {
        model.addAttribute("entries", FacetCount.nonEmpty(topics.findAll(), articles.countByTopic()));
        return TOPICS_VIEW;
    }

    @GetMapping("/themes/{slug}")
    Object topic(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        Optional<TopicRef> found = topics.findBySlug(slug);
        if (found.isEmpty()) {
            // An address that changed answers with a permanent redirect to the current one.
            return topics.findByFormerSlug(slug)
                    .map(moved -> Redirects.permanent("/themes/" + moved.slug(), page))
                    .orElseThrow(() -> notFound(slug));
        }
        TopicRef topic = found.get();
        PageNumber number = PageNumber.parse(page);
        Page<ArticleCard> cards = articles.findByTopic(topic.id(), number.pageable(PAGE_SIZE));
        if (cards.getTotalElements() == 0) {
            // Known only from drafts (or from nothing yet): not public.
            throw notFound(slug);
        }
        model.addAttribute("topic", topic);
        model.addAttribute("description", topics.descriptionOf(topic.id()).orElse(null));
        model.addAttribute("articles", Pagination.of(cards, number));
        return TOPIC_VIEW;
    }

    private static NotFoundException notFound(String slug) {
        return new NotFoundException("Aucun thème n’a l’adresse « %s ».".formatted(slug));
    }
}
