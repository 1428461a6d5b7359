package fr.tribunes.comment;

import fr.tribunes.article.ArticleComments.Paragraph;
import fr.tribunes.article.ArticleComments.Segment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text as pages show it: paragraphs split on blank lines, and web addresses (http and https only)
 * picked out so that the template can make them links. Nothing here produces markup: the template prints every
 * piece with {@code th:text} and {@code th:href}, so no comment can inject any.
 */
final class CommentText {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");

    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"«»]+");

    /** What a spammer's link looks like, with or without its scheme: counted, not linked. */
    private static final Pattern ANY_LINK = Pattern.compile("(?i)(?:\\bhttps?://|\\bwww\\.)[^\\s<>\"«»]+");

    /** Punctuation that ends a sentence rather than an address: "voir https://exemple.fr." */
    private static final String TRAILING = ".,;:!?'\"’»)]}…";

    private CommentText() {}

    /**
     * The text as stored: line breaks made {@code \n}, control characters removed (PostgreSQL refuses NUL, and
     * none has a place in a comment), outer white space stripped.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(unified.length());
        unified.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    /** A one-line field (name, e-mail, address): control characters and line breaks removed, stripped. */
    static String cleanLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    /** How many links the text carries, written with {@code http(s)://} or starting with {@code www.}. */
    static int countLinks(String text) {
        return (int) ANY_LINK.matcher(text).results().count();
    }

    static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String paragraph : BLANK_LINE.split(text)) {
            if (!paragraph.isBlank()) {
                paragraphs.add(new Paragraph(segments(paragraph.strip())));
            }
        }
        return paragraphs;
    }

    static List<Segment> segments(String paragraph) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = WEB_ADDRESS.matcher(paragraph);
        int from = 0;
        while (matcher.find()) {
            String address = trimmed(matcher.group());
            int end = matcher.start() + address.length();
            if (!isWebAddress(address)) {
                continue;
            }
            if (matcher.start() > from) {
                segments.add(new Segment(paragraph.substring(from, matcher.start()), null));
            }
            segments.add(new Segment(address, address));
            from = end;
        }
        if (from < paragraph.length()) {
            segments.add(new Segment(paragraph.substring(from), null));
        }
        return segments;
    }

    /** The address without the punctuation that follows it in the sentence; a closing bracket it opened stays. */
    private static String trimmed(String address) {
        String result = address;
        while (!result.isEmpty() && TRAILING.indexOf(result.charAt(result.length() - 1)) >= 0) {
            char last = result.charAt(result.length() - 1);
            if (last == ')' && count(result, '(') >= count(result, ')')) {
                break;
            }
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    /** An absolute http or https address with a host: the only kind a comment may link to. */
    static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
