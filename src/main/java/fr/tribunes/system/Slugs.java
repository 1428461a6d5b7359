package fr.tribunes.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Addresses made from names: « Cloud souverain » → {@code cloud-souverain}, lower-case ASCII and hyphens. */
public final class Slugs {

    /** What a slug looks like: words of lower-case letters and digits, joined by single hyphens. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** The slug for a name, at most {@code max} characters, cut between words; empty if nothing is left. */
    public static String of(String name, int max) {
        String text = name.toLowerCase(Locale.FRENCH)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = OTHER.matcher(text).replaceAll("-");
        text = text.replaceAll("^-+|-+$", "");
        if (text.length() > max) {
            int cut = text.lastIndexOf('-', max);
            text = cut > 0 ? text.substring(0, cut) : text.substring(0, max);
        }
        return text;
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }
}
