package fr.tribunes.topic;

import fr.tribunes.system.FacetCount;
import fr.tribunes.system.NotFoundException;
import fr.tribunes.system.PageNumber;
import fr.tribunes.system.Pagination;
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
        model.addAttribute("entries", FacetCount.all(topics.findAll(), articles.countByTopic()));
        return TOPICS_VIEW;
    }

    @GetMapping("/themes/{slug}")
    String topic(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        TopicRef topic = topics.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Aucun thème n’a l’adresse « %s ».".formatted(slug)));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("topic", topic);
        model.addAttribute(
                "articles", Pagination.of(articles.findByTopic(topic.id(), number.pageable(PAGE_SIZE)), number));
        return TOPIC_VIEW;
    }
}
