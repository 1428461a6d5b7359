package fr.tribunes.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An editor as the list of editors shows it.
 *
 * @param username the name the editor signs in with
 * @param createdAt when the account was created, in French, Paris time ("3 mars 2026 à 14 h 05")
 * @param createdAtIso the same instant in ISO 8601, for {@code <time datetime>}
 * @param createdBy who added the editor, or null for the first editor, created at start-up
 * @param disabledAt when the editor was disabled, in French, or null while they may sign in
 * @param disabledBy who disabled them
 */
record EditorView(
        String username,
        String createdAt,
        String createdAtIso,
        String createdBy,
        String disabledAt,
        String disabledBy) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH)
            .withZone(PARIS);

    static EditorView of(Editor editor) {
        return new EditorView(
                editor.username(),
                FRENCH.format(editor.createdAt()),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        .withZone(PARIS)
                        .format(editor.createdAt().truncatedTo(ChronoUnit.SECONDS)),
                editor.createdBy(),
                editor.disabled() ? FRENCH.format(editor.disabledAt()) : null,
                editor.disabledBy());
    }
}
