package fr.tribunes.feed;

import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * Atom feeds: the whole archive, an author's, a theme's, and any author and theme combined
 * ({@code /flux.atom?auteur=…&theme=…}). Errors answer in XML, the feeds' own format.
 */
@Controller
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    /**
     * How many op-eds a feed carries, newest first, each whole: 20 (WordPress carries 10, Ghost 15) is weeks of
     * publishing for a reader who polls, and keeps a feed near 150 KB before compression (50 made it 400 KB, and its
     * render the slowest of the site's pages).
     */
    static final int ENTRIES = 20;

    private final ArticleDocuments articles;

    private final Authors authors;

    private final Topics topics;

    private final AtomFeeds atom;

    private final AuthorArticles authorArticles;

    private final TopicArticles topicArticles;

    FeedController(
            ArticleDocuments articles,
            Authors authors,
            Topics topics,
            AtomFeeds atom,
            AuthorArticles authorArticles,
            TopicArticles topicArticles) {
        this.authorArticles = authorArticles;
        this.topicArticles = topicArticles;
        this.articles = articles;
        this.authors = authors;
        this.topics = topics;
        this.atom = atom;
    }

    @GetMapping("/flux.atom")
    ResponseEntity<String> archive(
            @RequestParam(name = "auteur", required = false) String auteur,
            @RequestParam(name = "theme", required = false) String theme) {
        AuthorRef author = isBlank(auteur) ? null : findAuthor(auteur);
        TopicRef topic = isBlank(theme) ? null : findTopic(theme);
        StringBuilder title = new StringBuilder("Tribunes");
        StringBuilder self = new StringBuilder("/flux.atom");
        String page = "/";
        if (author != null) {
            title.append(" — ").append(author.name());
            self.append("?auteur=").append(author.slug());
            page = "/auteurs/" + author.slug();
        }
        if (topic != null) {
            title.append(" — ").append(topic.name());
            self.append(author == null ? "?" : "&").append("theme=").append(topic.slug());
            page = author == null ? "/themes/" + topic.slug() : page;
        }
        return feed(title.toString(), self.toString(), page, author, topic);
    }

    @GetMapping("/auteurs/{slug}/flux.atom")
    ResponseEntity<String> author(@PathVariable String slug) {
        AuthorRef author = findAuthor(slug);
        return feed("Tribunes — " + author.name(), "/auteurs/" + slug + "/flux.atom", "/auteurs/" + slug, author, null);
    }

    @GetMapping("/themes/{slug}/flux.atom")
    ResponseEntity<String> topic(@PathVariable String slug) {
        TopicRef topic = findTopic(slug);
        return feed("Tribunes — " + topic.name(), "/themes/" + slug + "/flux.atom", "/themes/" + slug, null, topic);
    }

    private ResponseEntity<String> feed(String title, String self, String page, AuthorRef author, TopicRef topic) {
        String xml = atom.write(
                title,
                self,
                page,
                articles.findLatest(author == null ? null : author.id(), topic == null ? null : topic.id(), ENTRIES));
        return ResponseEntity.ok().contentType(ATOM).body(xml);
    }

    private AuthorRef findAuthor(String slug) {
        // Known only from drafts: unknown, as its page is.
        return authorArticles
                .ifPublishedAuthor(authors.findBySlug(checked(slug)))
                .orElseThrow(() -> new NotFoundException("Aucun auteur n’a l’adresse « %s ».".formatted(slug)));
    }

    private TopicRef findTopic(String slug) {
        return topicArticles
                .ifPublishedTopic(topics.findBySlug(checked(slug)))
                .orElseThrow(() -> new NotFoundException("Aucun thème n’a l’adresse « %s ».".formatted(slug)));
    }

    /** Slugs are lowercase letters, digits and hyphens; anything else is a mistyped parameter. */
    private static String checked(String slug) {
        if (!slug.matches("[a-z0-9-]{1,200}")) {
            throw new BadRequestException("« %s » n’est pas une adresse de page de l’archive.".formatted(slug));
        }
        return slug;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<String> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** An error in the feeds' format: a small XML document saying what went wrong, in French. */
    static ResponseEntity<String> error(HttpStatus status, String reason) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<erreur statut=\"" + status.value() + "\">"
                + HtmlUtils.htmlEscape(reason, "UTF-8") + "</erreur>\n";
        return ResponseEntity.status(status).contentType(XML).body(xml);
    }
}
