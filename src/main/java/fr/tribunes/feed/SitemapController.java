package fr.tribunes.feed;

import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.author.Authors;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.system.Facet;
import fr.tribunes.system.SiteUrls;
import fr.tribunes.topic.Topics;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** {@code /sitemap.xml} (every public page, with when op-eds last changed) and {@code /robots.txt}. */
@Controller
class SitemapController {

    /** The sitemap protocol's limit for one file. */
    static final int MAX_URLS = 50_000;

    private final ArticleDocuments articles;

    private final Topics topics;

    private final Authors authors;

    private final Organisations organisations;

    private final SiteUrls urls;

    SitemapController(
            ArticleDocuments articles, Topics topics, Authors authors, Organisations organisations, SiteUrls urls) {
        this.articles = articles;
        this.topics = topics;
        this.authors = authors;
        this.organisations = organisations;
        this.urls = urls;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<ArticleDocuments.Dated> dated = articles.findAllDated(MAX_URLS - 1_000);
        LocalDate newest = dated.isEmpty() ? null : day(dated.get(0));
        for (String path : List.of("/", "/themes", "/auteurs", "/organisations", "/archives")) {
            url(xml, path, newest);
        }
        for (ArticleDocuments.Dated article : dated) {
            url(xml, "/tribunes/" + article.slug(), day(article));
        }
        addFacets(xml, "/themes/", topics.findAll());
        addFacets(xml, "/auteurs/", authors.findAll());
        addFacets(xml, "/organisations/", organisations.findAll());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String robots = "User-agent: *\nDisallow: /admin/\nDisallow: /recherche\n\nSitemap: "
                + urls.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(robots);
    }

    private void addFacets(StringBuilder xml, String base, List<? extends Facet> facets) {
        facets.forEach(facet -> url(xml, base + facet.slug(), null));
    }

    private void url(StringBuilder xml, String path, LocalDate lastModified) {
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(urls.absolute(path), "UTF-8"))
                .append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static LocalDate day(ArticleDocuments.Dated article) {
        return LocalDate.ofInstant(article.changedAt(), AtomFeeds.PARIS);
    }
}
