package fr.tribunes.capture;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an op-ed out of a published page with a real HTML parser (jsoup): its metadata from what the page declares
 * (JSON-LD, Open Graph, Highwire's {@code citation_*}, Dublin Core, {@code <time>}, WordPress's markup), its text
 * from the page's main content, without the site's navigation, share buttons, related links and comment form. Text
 * is taken as published: every character as it is in the page (no-break spaces, typographic apostrophes, a double
 * space typed by its author), only the source's own line breaks and indentation read as one space, as a browser
 * shows them.
 */
public final class PageExtractor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the text of an op-ed lives, most specific first: schema.org, WordPress (classic and block themes). */
    private static final List<String> CONTENT = List.of(
            "[itemprop=articleBody]",
            ".entry-content",
            ".wp-block-post-content",
            ".post-content",
            ".article-content",
            "article",
            "main",
            "[role=main]");

    /** What is not the op-ed, wherever it sits: navigation, sharing, related links, comments, forms. */
    private static final String NOT_TEXT = "script, style, noscript, template, nav, form, aside, iframe, button,"
            + " figure, .sharedaddy, .share, .sharing, .social, .jp-relatedposts, .related, .related-posts, #comments,"
            + " .comments, .comments-area, .wp-block-comments, .post-navigation, .navigation, .wp-block-post-navigation-link,"
            + " .screen-reader-text, [aria-hidden=true], [hidden]";

    /** A standfirst set apart in the page: not a paragraph of the text. */
    static final String STANDFIRST = ".standfirst, .chapo, .chapeau";

    /** WordPress's default category, which says « not filed »: not a theme. */
    private static final Set<String> UNFILED = Set.of("uncategorized", "non-classe", "non-classé");

    private static final Pattern DATE = Pattern.compile("^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    private PageExtractor() {}

    /** What a page says, its address used for relative links (may be null). */
    public static Extracted extract(String html, String address) {
        return extract(Jsoup.parse(html, address == null ? "" : address), address);
    }

    /** What a page's bytes say, in the encoding they declare (BOM, {@code <meta charset>}), UTF-8 otherwise. */
    public static Extracted extract(java.io.InputStream bytes, String address) throws java.io.IOException {
        return extract(Jsoup.parse(bytes, null, address == null ? "" : address), address);
    }

    static Extracted extract(Document page, String address) {
        List<JsonNode> articles = jsonLdArticles(page);
        String title = first(
                jsonText(articles, "headline"),
                meta(page, "property", "og:title"),
                meta(page, "name", "citation_title"),
                text(page.selectFirst(".wp-block-post-title, .entry-title, article h1, h1")),
                page.title());
        Element content = content(page);
        List<Extracted.Block> blocks = new ArrayList<>(blocks(content, title));
        List<String> authors = authors(page, articles);
        // A byline printed as the text's first line (« Name, role at organisation »), as many sites print it: the
        // credit line, not a paragraph. Only when it begins with the name the page declares.
        String credit = null;
        if (!authors.isEmpty()
                && !blocks.isEmpty()
                && !blocks.get(0).heading()
                && blocks.get(0).text().startsWith(authors.get(0) + ", ")) {
            credit = blocks.remove(0).text().substring(authors.get(0).length() + 2);
        }
        return new Extracted(
                title,
                authors,
                credit,
                date(page, articles),
                first(
                        jsonText(articles, "publisher", "name"),
                        meta(page, "property", "og:site_name"),
                        meta(page, "name", "citation_journal_title"),
                        meta(page, "name", "DC.publisher")),
                first(
                        page.select("link[rel=canonical]").attr("abs:href"),
                        meta(page, "property", "og:url"),
                        jsonText(articles, "url"),
                        address),
                first(meta(page, "name", "citation_abstract"), text(page.selectFirst(STANDFIRST))),
                blocks,
                themes(page));
    }

    private static Element content(Document page) {
        for (String selector : CONTENT) {
            Element found = page.selectFirst(selector);
            if (found != null && !found.select("p").isEmpty()) {
                Element copy = found.clone();
                copy.select(NOT_TEXT).remove();
                return copy;
            }
        }
        Element body = page.body().clone();
        body.select(NOT_TEXT + ", header, footer").remove();
        return body;
    }

    /** Headings and paragraphs in order; the title, when the content repeats it, is not a heading of the text. */
    static List<Extracted.Block> blocks(Element content, String title) {
        List<Extracted.Block> blocks = new ArrayList<>();
        content.select(STANDFIRST).remove();
        for (Element element : content.select("h1, h2, h3, h4, h5, h6, p, li, blockquote")) {
            if (element.parents().stream().anyMatch(p -> p.is("p, li, blockquote") && content != p)) {
                continue;
            }
            if (element.is("li, blockquote") && !element.select("p").isEmpty()) {
                continue;
            }
            String text = visibleText(element);
            if (text.isEmpty()) {
                continue;
            }
            boolean heading = element.is("h1, h2, h3, h4, h5, h6");
            if (heading && text.equals(title)) {
                continue;
            }
            blocks.add(new Extracted.Block(heading, text));
        }
        return blocks;
    }

    /**
     * The text as published: the source's line breaks and tabs, with the indentation around them, read as one space
     * (the page's layout, not its text), {@code <br>} as a space, the ends trimmed; every other character kept as it
     * is, spaces typed twice included.
     */
    static String visibleText(Element element) {
        StringBuilder text = new StringBuilder();
        appendVisible(element, text);
        return text.toString()
                .replaceAll(" *[\\t\\n\\r\\f][ \\t\\n\\r\\f]*", " ")
                .strip();
    }

    private static void appendVisible(Node node, StringBuilder text) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (child instanceof Element element) {
                if (element.is("br")) {
                    text.append(' ');
                } else {
                    appendVisible(element, text);
                }
            }
        }
    }

    private static List<String> authors(Document page, List<JsonNode> articles) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode article : articles) {
            JsonNode author = article.path("author");
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                String name =
                        one.isTextual() ? one.asString() : one.path("name").asString("");
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        if (names.isEmpty()) {
            page.select("meta[name=citation_author]").forEach(m -> add(names, m.attr("content")));
        }
        if (names.isEmpty()) {
            page.select("meta[name=author], meta[name=DC.creator]").forEach(m -> add(names, m.attr("content")));
        }
        if (names.isEmpty()) {
            page.select(".wp-block-post-author__name, .author .fn, .byline .author, a[rel=author]")
                    .forEach(e -> add(names, visibleText(e)));
        }
        return List.copyOf(names);
    }

    private static void add(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name.strip());
        }
    }

    /** The date to the precision the page gives: a full timestamp gives the day, « 2015-10 » the month. */
    private static String date(Document page, List<JsonNode> articles) {
        Elements times = page.select("article time[datetime], .wp-block-post-date time[datetime], time[datetime]");
        String found = first(
                jsonText(articles, "datePublished"),
                meta(page, "property", "article:published_time"),
                meta(page, "name", "citation_publication_date"),
                meta(page, "name", "citation_date"),
                meta(page, "name", "DC.date"),
                times.isEmpty() ? null : times.first().attr("datetime"));
        if (found == null) {
            return null;
        }
        String value = found.strip();
        try {
            // A timestamp with its offset is a day where it was published.
            return OffsetDateTime.parse(value).toLocalDate().toString();
        } catch (DateTimeParseException notATimestamp) {
            Matcher matcher = DATE.matcher(value.replace('/', '-'));
            if (!matcher.find()) {
                return null;
            }
            try {
                if (matcher.group(3) != null) {
                    return LocalDate.parse(matcher.group(0)).toString();
                }
            } catch (DateTimeParseException e) {
                return null;
            }
            return matcher.group(0);
        }
    }

    /** Categories and tags: WordPress's rel="category tag" links, article:tag, keywords. */
    private static List<String> themes(Document page) {
        Set<String> themes = new LinkedHashSet<>();
        for (Element link : page.select("a[rel~=tag], a[rel~=category]")) {
            String[] path = link.attr("href").replaceAll("/+$", "").split("/");
            if (!UNFILED.contains(path[path.length - 1])) {
                add(themes, visibleText(link));
            }
        }
        page.select("meta[property=article:tag]").forEach(m -> add(themes, m.attr("content")));
        return List.copyOf(themes);
    }

    private static List<JsonNode> jsonLdArticles(Document page) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), found);
            } catch (RuntimeException unreadable) {
                // A page's broken JSON-LD says nothing; the other sources still do.
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, found));
        } else if (node.isObject()) {
            if (node.has("@graph")) {
                collect(node.path("@graph"), found);
            }
            String type = node.path("@type").isArray()
                    ? node.path("@type").toString()
                    : node.path("@type").asString("");
            if (type.contains("Article") || type.contains("Posting")) {
                found.add(node);
            }
        }
    }

    private static String jsonText(List<JsonNode> articles, String... path) {
        for (JsonNode article : articles) {
            JsonNode node = article;
            for (String key : path) {
                node = node.path(key);
            }
            if (node.isTextual() && !node.asString().isBlank()) {
                return node.asString().strip();
            }
        }
        return null;
    }

    private static String meta(Document page, String attribute, String name) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
        return meta == null ? null : blankToNull(meta.attr("content"));
    }

    private static String text(Element element) {
        return element == null ? null : blankToNull(visibleText(element));
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            String value = blankToNull(candidate);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
