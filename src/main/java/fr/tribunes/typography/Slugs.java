package fr.tribunes.typography;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * Addresses made from names: « Cloud souverain » → {@code cloud-souverain}, lower-case ASCII and hyphens. Letters
 * of every script are transliterated by ICU ({@code Any-Latin; Latin-ASCII}): « Łukasz » gives {@code lukasz},
 * « Søren » {@code soren}, « Đorđe » {@code dorde}, « Straße » {@code strasse}, « Œuvre » {@code oeuvre}.
 */
public final class Slugs {

    /** What a slug looks like: words of lower-case letters and digits, joined by single hyphens. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** Built at the first slug, not at start-up: ICU loads its rules then (0.4 s; about 45 µs a slug after). */
    private static final class Ascii {

        // Transliterators are stateless: threads share one without synchronising (ICU's documentation).
        static final Transliterator INSTANCE = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    }

    /** The slug for a name, at most {@code max} characters, cut between words; empty if nothing is left. */
    public static String of(String name, int max) {
        String text = OTHER.matcher(Ascii.INSTANCE.transliterate(name)).replaceAll("-");
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
