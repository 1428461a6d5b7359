package fr.tribunes.article;

import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
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
        Map<Long, Long> topicCounts = catalog.countByTopic();
        model.addAttribute(
                "topics",
                topics.findAll().stream()
                        .filter(topic -> topicCounts.containsKey(topic.id()))
                        .map(topic -> new Counted<>(topic, topicCounts.get(topic.id())))
                        .toList());
        Map<Long, Long> authorCounts = catalog.countByAuthor();
        List<Counted<AuthorRef>> signed = authors.findAll().stream()
                .filter(author -> authorCounts.containsKey(author.id()))
                .map(author -> new Counted<>(author, authorCounts.get(author.id())))
                .toList();
        model.addAttribute("authors", signed);
        return HOME_VIEW;
    }

    /** A theme or an author with how many op-eds it has. */
    record Counted<T>(T item, long count) {}
}
