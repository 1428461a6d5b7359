package fr.tribunes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The archive's first op-ed as the seed file gives it, for tests to compare the site against. */
public final class SeedTribune {

    public static final Path FILE = Path.of("seeds", "000_bb788d72f0dce2da.txt");

    public static final String SLUG =
            "letat-doit-apprendre-de-ses-erreurs-numergy-en-procedure-de-sauvegarde-amazon-web-services-en-forte-croissance";

    public static final String PATH = "/tribunes/" + SLUG;

    public static final String AUTHOR_PATH = "/auteurs/theodore-michel-vrangos";

    /** Where the original page's comment form starts: not part of the op-ed's text. */
    static final String TRAILER = "Laisser un commentaire";

    private SeedTribune() {}

    /** The seed file's lines, as published. */
    public static List<String> lines() {
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty line from the title to the last paragraph, in order. */
    public static List<String> textLines() {
        List<String> lines = lines();
        return lines.subList(0, lines.indexOf(TRAILER)).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    public static String title() {
        return lines().get(0);
    }

    /** Collapses every run of whitespace, no-break spaces included, to one space: typography may differ, words may not. */
    public static String normaliseWhitespace(String text) {
        return text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }
}
