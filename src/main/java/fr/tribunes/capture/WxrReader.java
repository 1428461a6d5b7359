package fr.tribunes.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads a WordPress export (WXR, « Outils › Exporter ») as it streams, one post at a time, so that an export of
 * tens of thousands of posts takes no more memory than one: each published post (not pages, attachments or menu
 * items) with its title, its author's display name, its date (WordPress keeps the day and time: the day is taken),
 * its categories and tags as themes, its address, its excerpt as standfirst and its text. The text is the post's
 * own content as its author saved it, before WordPress's display filters: paragraphs are the block editor's
 * {@code <p>} or, in classic posts, the blank lines between them.
 */
public final class WxrReader {

    /** WordPress's export namespaces change with its versions (1.0 to 1.2): matched by their beginning. */
    private static final String WP = "http://wordpress.org/export/";

    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private WxrReader() {}

    /** A post that is not imported, and why (a page, a draft, an attachment…). */
    public record Skipped(String title, String reason) {}

    /**
     * Reads an export, handing each published post to {@code posts} and each other item to {@code skipped}.
     *
     * @throws XMLStreamException if the file is not well-formed XML
     */
    public static void read(InputStream in, Consumer<Extracted> posts, Consumer<Skipped> skipped)
            throws XMLStreamException, IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTD, no external entity: an uploaded file cannot make the server read anything else.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        Map<String, String> authors = new HashMap<>();
        String site = null;
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                if (name.equals("title") && namespace.isEmpty() && site == null) {
                    // The channel's title, the site's name, comes before any item.
                    site = xml.getElementText().strip();
                } else if (name.equals("author") && namespace.startsWith(WP)) {
                    Map<String, String> author = fields(xml, "author");
                    authors.put(author.get("author_login"), author.get("author_display_name"));
                } else if (name.equals("item")) {
                    item(xml, authors, site, posts, skipped);
                }
            }
        } finally {
            xml.close();
        }
    }

    private static void item(
            XMLStreamReader xml,
            Map<String, String> authors,
            String site,
            Consumer<Extracted> posts,
            Consumer<Skipped> skipped)
            throws XMLStreamException {
        String title = null;
        String link = null;
        String creator = null;
        String content = "";
        String excerpt = null;
        String date = null;
        String status = null;
        String type = null;
        Set<String> themes = new LinkedHashSet<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            switch (xml.getLocalName()) {
                case "title" -> title = xml.getElementText().strip();
                case "link" -> link = xml.getElementText().strip();
                case "creator" -> creator = xml.getElementText().strip();
                case "encoded" -> {
                    String text = xml.getElementText();
                    if (namespace.equals(CONTENT)) {
                        content = text;
                    } else if (namespace.equals(EXCERPT) || namespace.endsWith("/excerpt/")) {
                        excerpt = text.isBlank()
                                ? null
                                : PageExtractor.visibleText(
                                        Jsoup.parseBodyFragment(text).body());
                    }
                }
                case "post_date" -> date = xml.getElementText().strip();
                case "status" -> status = xml.getElementText().strip();
                case "post_type" -> type = xml.getElementText().strip();
                case "category" -> {
                    String domain = xml.getAttributeValue(null, "domain");
                    String nicename = xml.getAttributeValue(null, "nicename");
                    String name = xml.getElementText().strip();
                    // WordPress's default category says « not filed »: not a theme.
                    boolean unfiled = "category".equals(domain)
                            && ("uncategorized".equals(nicename) || "non-classe".equals(nicename));
                    if (("category".equals(domain) || "post_tag".equals(domain)) && !name.isEmpty() && !unfiled) {
                        themes.add(name);
                    }
                }
                default -> {
                    // Comments, post meta and the rest are not the op-ed.
                }
            }
        }
        String label = title == null || title.isEmpty() ? "(sans titre)" : title;
        if (!"post".equals(type)) {
            skipped.accept(new Skipped(label, "ce n’est pas un article (type « " + type + " »)"));
            return;
        }
        if (!"publish".equals(status)) {
            skipped.accept(new Skipped(label, "il n’est pas publié (statut « " + status + " »)"));
            return;
        }
        String author = creator == null ? null : authors.getOrDefault(creator, creator);
        posts.accept(new Extracted(
                title,
                author == null || author.isBlank() ? List.of() : List.of(author),
                null,
                date == null || date.length() < 10 || date.startsWith("0000") ? null : date.substring(0, 10),
                site,
                link,
                excerpt != null ? excerpt : standfirst(content),
                blocks(content),
                List.copyOf(themes)));
    }

    /**
     * The post's text as blocks: the block editor's paragraphs and headings; in a classic post, each run of text
     * between blank lines is a paragraph (what WordPress's wpautop makes of it), a heading when it is one.
     */
    static List<Extracted.Block> blocks(String content) {
        List<Extracted.Block> blocks = new ArrayList<>();
        String html = content.replace("\r\n", "\n");
        if (html.contains("<p")) {
            Element body = Jsoup.parseBodyFragment(html).body();
            body.select(PageExtractor.STANDFIRST).remove();
            for (Element element : body.select("h1, h2, h3, h4, h5, h6, p, li")) {
                String text = PageExtractor.visibleText(element);
                if (!text.isEmpty()) {
                    blocks.add(new Extracted.Block(element.is("h1, h2, h3, h4, h5, h6"), text));
                }
            }
            return blocks;
        }
        for (String chunk : BLANK_LINE.split(html)) {
            if (chunk.isBlank()) {
                continue;
            }
            Element body = Jsoup.parseBodyFragment(chunk).body();
            Element heading = body.selectFirst("h1, h2, h3, h4, h5, h6");
            String text =
                    PageExtractor.visibleText(heading != null && body.children().size() == 1 ? heading : body);
            if (!text.isEmpty()) {
                blocks.add(
                        new Extracted.Block(heading != null && body.children().size() == 1, text));
            }
        }
        return blocks;
    }

    /** A standfirst the post's text sets apart ({@code <p class="chapo">}), when its excerpt is empty. */
    static String standfirst(String content) {
        Element standfirst = Jsoup.parseBodyFragment(content).body().selectFirst(PageExtractor.STANDFIRST);
        if (standfirst == null) {
            return null;
        }
        String text = PageExtractor.visibleText(standfirst);
        return text.isEmpty() ? null : text;
    }

    /** The text of each child element of the one the reader is on, by local name, until it ends. */
    private static Map<String, String> fields(XMLStreamReader xml, String end) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(end)) {
                return fields;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                fields.put(xml.getLocalName(), xml.getElementText().strip());
            }
        }
        return fields;
    }
}
