package fr.tribunes.topic;

import fr.tribunes.system.NotFoundException;
import fr.tribunes.system.PageNumber;
import fr.tribunes.system.Pagination;
import java.util.List;
import java.util.Map;
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
        Map<Long, Long> counts = articles.countByTopic();
        List<TopicCount> list = topics.findAll().stream()
                .map(topic -> new TopicCount(topic, counts.getOrDefault(topic.id(), 0L)))
                .toList();
        model.addAttribute("topics", list);
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

    /** A theme and how many op-eds it has, for the list of themes. */
    record TopicCount(TopicRef topic, long count) {}
}
