package fr.tribunes.article;

import java.util.List;

/**
 * An op-ed as an editor writes it, before it is checked: plain values, names rather than keys. The back office's
 * form, the import files and the revisions all come down to this.
 *
 * @param title the title as published
 * @param slug its address under {@code /tribunes/}, or blank to make one from the title
 * @param standfirst the standfirst, or blank
 * @param text the text: paragraphs separated by a blank line, {@code ## } before a section heading
 * @param date when it was published, as precisely as known: {@code 2015-10-22}, {@code 2015-10} or {@code 2015}
 * @param dateApproximate whether that date is an estimate
 * @param dateNote why the date is what it is, or blank
 * @param originalPublisher who first published it, or blank
 * @param originalUrl where, or blank
 * @param bylines who signed it, in order
 * @param themes the names of the themes it is filed under
 * @param organisations the organisations it names
 * @param rights who holds the rights and on what footing the archive reproduces it ({@link Rights#UNKNOWN} when
 *     not said)
 */
public record ArticleDraft(
        String title,
        String slug,
        String standfirst,
        String text,
        String date,
        boolean dateApproximate,
        String dateNote,
        String originalPublisher,
        String originalUrl,
        List<Byline> bylines,
        List<String> themes,
        List<Mentioned> organisations,
        Rights rights) {

    public ArticleDraft {
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
        themes = themes == null ? List.of() : List.copyOf(themes);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        rights = rights == null ? Rights.UNKNOWN : rights;
    }

    /** A draft that says nothing of the rights. */
    public ArticleDraft(
            String title,
            String slug,
            String standfirst,
            String text,
            String date,
            boolean dateApproximate,
            String dateNote,
            String originalPublisher,
            String originalUrl,
            List<Byline> bylines,
            List<String> themes,
            List<Mentioned> organisations) {
        this(
                title,
                slug,
                standfirst,
                text,
                date,
                dateApproximate,
                dateNote,
                originalPublisher,
                originalUrl,
                bylines,
                themes,
                organisations,
                Rights.UNKNOWN);
    }

    /** The same draft with these rights. */
    public ArticleDraft withRights(Rights rights) {
        return new ArticleDraft(
                title,
                slug,
                standfirst,
                text,
                date,
                dateApproximate,
                dateNote,
                originalPublisher,
                originalUrl,
                bylines,
                themes,
                organisations,
                rights);
    }

    /** The same draft at another address. */
    public ArticleDraft withSlug(String slug) {
        return new ArticleDraft(
                title,
                slug,
                standfirst,
                text,
                date,
                dateApproximate,
                dateNote,
                originalPublisher,
                originalUrl,
                bylines,
                themes,
                organisations,
                rights);
    }

    /** The same draft with another text. */
    public ArticleDraft withText(String text) {
        return new ArticleDraft(
                title,
                slug,
                standfirst,
                text,
                date,
                dateApproximate,
                dateNote,
                originalPublisher,
                originalUrl,
                bylines,
                themes,
                organisations,
                rights);
    }

    /**
     * A signature: the author's name (and slug, to tell two people of the same name apart), the role and
     * organisation they had then, and the credit line exactly as printed.
     */
    public record Byline(String author, String authorSlug, String role, String organisation, String credit) {}

    /** An organisation the op-ed names, and the spelling the text uses when it differs. */
    public record Mentioned(String name, String writtenAs) {}
}
