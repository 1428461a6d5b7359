package fr.tribunes.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fr.tribunes.article.ArticleDocument;
import fr.tribunes.typography.TypedText;
import fr.tribunes.web.SiteUrls;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes Atom 1.0 feeds of op-eds with Rome: full text, authors, themes, the original's link, honest dates. */
@Component
class AtomFeeds {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final SiteUrls urls;

    AtomFeeds(SiteUrls urls) {
        this.urls = urls;
    }

    /**
     * A feed of these op-eds.
     *
     * @param title the feed's title
     * @param selfPath the feed's own address
     * @param pagePath the address of the page it belongs to
     */
    String write(String title, String selfPath, String pagePath, List<ArticleDocument> articles) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(urls.absolute(selfPath));
        feed.setTitle(xml(title));
        feed.setLanguage("fr");
        feed.setAlternateLinks(List.of(link("alternate", urls.absolute(pagePath), "text/html")));
        feed.setOtherLinks(List.of(link("self", urls.absolute(selfPath), "application/atom+xml")));
        Person archive = new Person();
        archive.setName("Tribunes");
        archive.setUri(urls.absolute("/"));
        feed.setAuthors(List.of(archive));
        // The feed changed when its most recently changed entry did.
        Instant updated = articles.stream()
                .map(ArticleDocument::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        feed.setUpdated(Date.from(updated));
        List<Entry> entries = new ArrayList<>();
        for (ArticleDocument article : articles) {
            entries.add(entry(article));
        }
        feed.setEntries(entries);
        try {
            // Rome keeps the language but writes it nowhere in Atom: the root's xml:lang says it (RFC 4287, 2).
            Document document = new WireFeedOutput().outputJDom(feed);
            document.getRootElement().setAttribute("lang", "fr", Namespace.XML_NAMESPACE);
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the Atom feed " + selfPath, e);
        }
    }

    private Entry entry(ArticleDocument article) {
        String url = urls.absolute("/tribunes/" + article.slug());
        Entry entry = new Entry();
        entry.setId(url);
        entry.setTitle(xml(article.title()));
        // Atom wants full timestamps: "updated" is when the archive's copy last changed (true to the second);
        // "published" only when the day is known, never an invented one.
        entry.setUpdated(Date.from(article.updatedAt()));
        if (article.isoDate().length() == 10 && !article.dateApproximate()) {
            entry.setPublished(Date.from(
                    LocalDate.parse(article.isoDate()).atStartOfDay(PARIS).toInstant()));
        }
        entry.setAlternateLinks(List.of(link("alternate", url, "text/html")));
        if (article.originalUrl() != null) {
            Link original = link("via", article.originalUrl(), "text/html");
            original.setTitle(xml(article.originalPublisher()));
            entry.setOtherLinks(List.of(original));
        }
        if (article.rights().known()) {
            entry.setRights(xml(article.rights().statement()));
        }
        entry.setAuthors(article.bylines().stream()
                .<SyndPerson>map(byline -> {
                    Person person = new Person();
                    person.setName(xml(byline.name()));
                    person.setUri(urls.absolute("/auteurs/" + byline.slug()));
                    return person;
                })
                .toList());
        entry.setCategories(article.topics().stream()
                .map(topic -> {
                    Category category = new Category();
                    category.setTerm(topic.slug());
                    category.setLabel(xml(topic.name()));
                    category.setScheme(urls.absolute("/themes/"));
                    return category;
                })
                .toList());
        if (article.standfirst() != null) {
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(xml(article.standfirst().strip()));
            entry.setSummary(summary);
        }
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(xml(html(article)));
        entry.setContents(List.of(content));
        return entry;
    }

    /**
     * Text without the characters XML cannot hold: the forms no longer let them in ({@code TypedText}), but an
     * archive may hold some from before, and one would make the whole feed fail.
     */
    private static String xml(String text) {
        return TypedText.withoutControls(text);
    }

    /** The op-ed as HTML, every text escaped; Rome escapes the whole again inside the XML. */
    static String html(ArticleDocument article) {
        StringBuilder html = new StringBuilder();
        html.append("<p><em>")
                .append(escape((article.dateApproximate() ? "Publié en " : "Publié ") + article.date()
                        + (article.dateApproximate() ? " (date approximative)" : "")
                        + (article.originalPublisher() == null ? "" : " par " + article.originalPublisher())
                        + "."))
                .append("</em></p>");
        if (article.standfirst() != null) {
            html.append("<p><strong>").append(escape(article.standfirst())).append("</strong></p>");
        }
        for (ArticleDocument.Block block : article.blocks()) {
            String tag = block.heading() ? "h2" : "p";
            html.append('<')
                    .append(tag)
                    .append('>')
                    .append(escape(block.text()))
                    .append("</")
                    .append(tag)
                    .append('>');
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
