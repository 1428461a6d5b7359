package fr.tribunes.feed;

import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.organisation.OrganisationArticles;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.SiteUrls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * The sitemaps and {@code /robots.txt}. {@code /sitemap.xml} is a sitemap index, so the archive can grow past the
 * protocol's 50,000 addresses per file: {@code /sitemaps/pages.xml} holds the home page, the lists, every year of
 * the archives and every theme, author and organisation with op-eds; {@code /sitemaps/tribunes-N.xml} hold the published op-eds whose keys
 * fall in the N-th range of {@link #PER_FILE} keys, so an op-ed stays in the same file whatever is added or taken
 * out, and a file costs the same to write whatever the archive's size ({@code tribunes.sitemap.per-file} changes
 * the range, for tests). A range with no published op-ed has no file. Every address carries when it last changed.
 */
@Controller
class SitemapController {

    /**
     * Keys per sitemap file by default, so at most as many op-eds: far under the protocol's limit of 50,000
     * addresses, and small enough for a file to be written in a few milliseconds.
     */
    static final int PER_FILE = 5_000;

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ArticleDocuments articles;

    private final Topics topics;

    private final Authors authors;

    private final Organisations organisations;

    private final TopicArticles topicArticles;

    private final AuthorArticles authorArticles;

    private final OrganisationArticles organisationArticles;

    private final SiteUrls urls;

    private final int perFile;

    SitemapController(
            ArticleDocuments articles,
            Topics topics,
            Authors authors,
            Organisations organisations,
            TopicArticles topicArticles,
            AuthorArticles authorArticles,
            OrganisationArticles organisationArticles,
            SiteUrls urls,
            @Value("${tribunes.sitemap.per-file:" + PER_FILE + "}") int perFile) {
        this.articles = articles;
        this.topics = topics;
        this.authors = authors;
        this.organisations = organisations;
        this.topicArticles = topicArticles;
        this.authorArticles = authorArticles;
        this.organisationArticles = organisationArticles;
        this.urls = urls;
        this.perFile = Math.min(perFile, PER_FILE);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        long files = (articles.lastPublishedId() + perFile - 1) / perFile;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("  <sitemap><loc>")
                .append(escape(urls.absolute("/sitemaps/pages.xml")))
                .append("</loc></sitemap>\n");
        for (long file = 1; file <= files; file++) {
            if (!articles.anyPublished((file - 1) * perFile, file * perFile)) {
                continue;
            }
            xml.append("  <sitemap><loc>")
                    .append(escape(urls.absolute("/sitemaps/tribunes-" + file + ".xml")))
                    .append("</loc></sitemap>\n");
        }
        return ResponseEntity.ok()
                .contentType(XML)
                .body(xml.append("</sitemapindex>\n").toString());
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> pages() {
        Map<Long, Instant> byTopic = topicArticles.lastChangeByTopic();
        Map<Long, Instant> byAuthor = authorArticles.lastChangeByAuthor();
        Map<Long, Instant> byOrganisation = organisationArticles.lastChangeByOrganisation();
        LocalDate newest = byTopic.values().stream()
                .max(Instant::compareTo)
                .map(SitemapController::day)
                .orElse(null);
        StringBuilder xml = urlset();
        for (String path : List.of("/", "/themes", "/auteurs", "/organisations", "/archives")) {
            url(xml, path, newest);
        }
        new TreeMap<>(articles.lastChangeByYear())
                .descendingMap()
                .forEach((year, changed) -> url(xml, "/archives/" + year, day(changed)));
        addFacets(xml, "/themes/", topics.findAll(), byTopic);
        addFacets(xml, "/auteurs/", authors.findAll(), byAuthor);
        addFacets(xml, "/organisations/", organisations.findAll(), byOrganisation);
        return ResponseEntity.ok()
                .contentType(XML)
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping("/sitemaps/tribunes-{file}.xml")
    ResponseEntity<String> articles(@PathVariable String file) {
        int number = parseFile(file).orElseThrow(() -> noSuchFile(file));
        List<ArticleDocuments.Dated> page = articles.findDated((long) (number - 1) * perFile, (long) number * perFile);
        if (page.isEmpty()) {
            throw noSuchFile(file);
        }
        StringBuilder xml = urlset();
        for (ArticleDocuments.Dated article : page) {
            url(xml, "/tribunes/" + article.slug(), day(article.changedAt()));
        }
        return ResponseEntity.ok()
                .contentType(XML)
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String robots = "User-agent: *\nDisallow: /admin/\nDisallow: /connexion\nDisallow: /recherche\n\nSitemap: "
                + urls.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(robots);
    }

    private static Optional<Integer> parseFile(String file) {
        if (!file.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(file));
    }

    private static NotFoundException noSuchFile(String file) {
        return new NotFoundException("Aucun plan du site « tribunes-%s ».".formatted(file));
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    /** Only the facets with published op-eds: one known only from a draft must not show. */
    private void addFacets(StringBuilder xml, String base, List<? extends Facet> facets, Map<Long, Instant> latest) {
        for (Facet facet : facets) {
            Instant changed = latest.get(facet.id());
            if (changed != null) {
                url(xml, base + facet.slug(), day(changed));
            }
        }
    }

    private void url(StringBuilder xml, String path, LocalDate lastModified) {
        xml.append("  <url><loc>").append(escape(urls.absolute(path))).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, AtomFeeds.PARIS);
    }
}
