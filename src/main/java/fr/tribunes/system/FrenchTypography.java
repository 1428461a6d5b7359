package fr.tribunes.system;

import java.util.regex.Pattern;

/**
 * French typography for display: no-break spaces where French wants them, applied when a page is rendered and
 * never to the stored text. Only existing whitespace is changed, into the right kind of space; no space is ever
 * added or removed, so the words and punctuation on the page stay exactly those published.
 */
public final class FrenchTypography {

    /** U+202F, the narrow no-break space French sets before {@code ; : ! ?} and inside « ». */
    public static final char NARROW_NBSP = '\u202F';

    /** U+00A0, the no-break space French sets between a number and its unit. */
    public static final char NBSP = '\u00A0';

    private static final String SPACE = "[ \\u00A0\\u202F\\u2009\\t]+";

    private static final Pattern BEFORE_HIGH_PUNCTUATION = Pattern.compile(SPACE + "(?=[;:!?»])");

    private static final Pattern AFTER_OPENING_GUILLEMET = Pattern.compile("(?<=«)" + SPACE);

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "(?<=\\d)" + SPACE + "(?=(?:%|‰|€|\\$|£|°C|(?:km|cm|mm|kg|Ko|Mo|Go|To|ms|min|h|millions?|milliards?)"
                    + "(?![\\p{L}\\p{N}])))");

    /** "521 millions $": the currency stays with the amount. */
    private static final Pattern MULTIPLIER_AND_CURRENCY =
            Pattern.compile("(?<=millions|million|milliards|milliard)" + SPACE + "(?=[€$£](?![\\p{L}\\p{N}]))");

    /** A one-letter word ("à", "a", "y", "A") stays on the line of the word that follows it. */
    private static final Pattern AFTER_ONE_LETTER_WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}’'\\-.])(\\p{L})" + SPACE + "(?=[\\p{L}\\p{N}«(])");

    FrenchTypography() {}

    /** The text with French no-break spaces; null stays null. */
    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = BEFORE_HIGH_PUNCTUATION.matcher(text).replaceAll(String.valueOf(NARROW_NBSP));
        result = AFTER_OPENING_GUILLEMET.matcher(result).replaceAll(String.valueOf(NARROW_NBSP));
        result = NUMBER_AND_UNIT.matcher(result).replaceAll(String.valueOf(NBSP));
        result = MULTIPLIER_AND_CURRENCY.matcher(result).replaceAll(String.valueOf(NBSP));
        return AFTER_ONE_LETTER_WORD.matcher(result).replaceAll("$1" + NBSP);
    }

    /** The same, for templates: {@code ${#typo.fr(text)}}. */
    public String fr(String text) {
        return apply(text);
    }
}
