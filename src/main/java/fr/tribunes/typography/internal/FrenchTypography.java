package fr.tribunes.typography.internal;

import java.util.List;

/**
 * French typography for display: no-break spaces where French wants them, applied when a page is rendered and
 * never to the stored text. Only existing whitespace is changed, into the right kind of space; no space is ever
 * added or removed, so the words and punctuation on the page stay exactly those published.
 *
 * <p>Each run of spaces (space, no-break, narrow no-break, thin space, tab) becomes one no-break space when what
 * surrounds it asks for one, and is left as it is otherwise:
 *
 * <ul>
 *   <li>before {@code ; : ! ? »} and after {@code «}: a narrow no-break space;
 *   <li>between a number and its unit ({@code 30 %}, {@code 521 millions}, {@code 12 km}) and between a multiplier
 *       and its currency ({@code millions $}): a no-break space;
 *   <li>after a one-letter word ({@code à}, {@code a}, {@code y}, {@code A}) before a word, a number, {@code «} or
 *       {@code (}: a no-break space, so that it stays on the line of the word that follows.
 * </ul>
 *
 * <p>One pass over the text, each run decided by its neighbours: this runs on every paragraph of every page
 * rendered, where the regular expressions it replaced (lookbehinds tried at every position) took a seventh of the
 * time of an op-ed's render. {@code FrenchTypographyTests} compares the two on random texts.
 */
public final class FrenchTypography {

    /** U+202F, the narrow no-break space French sets before {@code ; : ! ?} and inside « ». */
    public static final char NARROW_NBSP = '\u202F';

    /** U+00A0, the no-break space French sets between a number and its unit. */
    public static final char NBSP = '\u00A0';

    /** Units written after a number that stay with it, whatever follows them. */
    private static final List<String> SIGNS = List.of("%", "‰", "€", "$", "£", "°C");

    /** Units written after a number that stay with it when they end there (not the start of a longer word). */
    private static final List<String> WORD_UNITS = List.of(
            "km",
            "cm",
            "mm",
            "kg",
            "Ko",
            "Mo",
            "Go",
            "To",
            "ms",
            "min",
            "h",
            "millions",
            "million",
            "milliards",
            "milliard");

    /** The words after which a currency sign stays: "521 millions $". */
    private static final List<String> MULTIPLIERS = List.of("millions", "million", "milliards", "milliard");

    FrenchTypography() {}

    /** The text with French no-break spaces; null stays null. */
    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder result = null;
        int copied = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isSpace(text.charAt(i))) {
                i++;
            }
            char space = spaceFor(text, start, i);
            if (space != 0 && (i - start != 1 || text.charAt(start) != space)) {
                if (result == null) {
                    result = new StringBuilder(length);
                }
                result.append(text, copied, start).append(space);
                copied = i;
            }
        }
        if (result == null) {
            return text;
        }
        return result.append(text, copied, length).toString();
    }

    /** The space the run {@code [start, end)} becomes, or 0 when it stays as written. */
    private static char spaceFor(String text, int start, int end) {
        int before = start > 0 ? text.codePointBefore(start) : -1;
        int after = end < text.length() ? text.codePointAt(end) : -1;
        if (after == ';' || after == ':' || after == '!' || after == '?' || after == '»' || before == '«') {
            return NARROW_NBSP;
        }
        if (before >= '0' && before <= '9' && unitAt(text, end)) {
            return NBSP;
        }
        if ((after == '€' || after == '$' || after == '£')
                && !isLetterOrNumber(codePointAt(text, end + 1))
                && endsWithAny(text, start, MULTIPLIERS)) {
            return NBSP;
        }
        if (Character.isLetter(before)
                && (Character.isLetter(after) || isNumber(after) || after == '«' || after == '(')) {
            int letter = start - Character.charCount(before);
            int beforeLetter = letter > 0 ? text.codePointBefore(letter) : -1;
            if (!isLetterOrNumber(beforeLetter)
                    && beforeLetter != '’'
                    && beforeLetter != '\''
                    && beforeLetter != '-'
                    && beforeLetter != '.') {
                return NBSP;
            }
        }
        return 0;
    }

    private static boolean unitAt(String text, int at) {
        for (String sign : SIGNS) {
            if (text.startsWith(sign, at)) {
                return true;
            }
        }
        for (String unit : WORD_UNITS) {
            if (text.startsWith(unit, at) && !isLetterOrNumber(codePointAt(text, at + unit.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String text, int end, List<String> words) {
        for (String word : words) {
            if (text.startsWith(word, end - word.length())) {
                return true;
            }
        }
        return false;
    }

    private static int codePointAt(String text, int at) {
        return at < text.length() ? text.codePointAt(at) : -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == NBSP || c == NARROW_NBSP || c == '\u2009' || c == '\t';
    }

    /** As {@code \p{N}}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        return codePoint >= 0 && (Character.isLetter(codePoint) || isNumber(codePoint));
    }

    /** The same, for templates: {@code ${#typo.fr(text)}}. */
    public String fr(String text) {
        return apply(text);
    }

    /**
     * The text cut to at most {@code max} characters at the end of a word, with « … » when cut: for a page's
     * {@code <title>} or meta description, which search engines cut anyway (about 60 and 160 characters), never for
     * the text itself. Runs of white space become one space; null stays null.
     */
    public static String shorten(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int end = flat.lastIndexOf(' ', max - 1);
        String cut = (end > max / 2 ? flat.substring(0, end) : flat.substring(0, max - 1)).strip();
        // No dangling punctuation or apostrophe before the ellipsis: « cloud, … » reads « cloud… ».
        cut = cut.replaceAll("[\\s\u00A0\u202F,;:!?.«’'(\\-–—]+$", "");
        return cut + "…";
    }

    /** The same, for templates: {@code ${#typo.cut(article.title, 60)}}. */
    public String cut(String text, int max) {
        return shorten(text, max);
    }
}
