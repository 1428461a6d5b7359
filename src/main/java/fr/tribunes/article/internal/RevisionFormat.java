package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleFile;
import fr.tribunes.article.ArticleFileException;

/**
 * The formats a revision's snapshot may be written in, each numbered ({@code article_revision.snapshot_format}).
 * New revisions are written in {@link #CURRENT}; every format ever written stays readable, so that every revision
 * can be compared and restored, whatever the exchange format ({@link ArticleFile}) has become since.
 *
 * <p>Format 1 is {@link ArticleFile} as of migration V9 (December 2026), with {@code status}, {@code added_at} and
 * {@code updated_at} left out; the optional keys added since ({@code rights_holder}, {@code rights_basis},
 * {@code license}, V12) leave a snapshot without them read as it was, so they did not need a new format. <b>Changing {@link ArticleFile} in a way that reads a format-1 snapshot differently
 * (a key renamed, removed or read otherwise) means</b>: keep format 1's reader as it was (a copy, here), give the
 * new writing a new number and make it {@link #CURRENT}. {@code RevisionFormatTests} reads a snapshot written in
 * format 1 and fails if it is no longer read as it was written.
 */
public final class RevisionFormat {

    /** The format new revisions are written in. */
    static final int CURRENT = 1;

    private RevisionFormat() {}

    /** The snapshot of a draft, in the current format. */
    public static String write(ArticleDraft draft) {
        return ArticleFile.write(draft, null, null);
    }

    /**
     * The draft a snapshot holds.
     *
     * @param name what to call it in messages ({@code version-3})
     * @throws ArticleFileException if the snapshot cannot be read in its format
     */
    static ArticleDraft read(int format, String snapshot, String name) throws ArticleFileException {
        return switch (format) {
            case 1 -> ArticleFile.read(name, snapshot).draft();
            default ->
                throw new IllegalStateException("Revision " + name + " is in format " + format
                        + ", which this version of Tribunes does not know (it knows 1 to " + CURRENT + ")");
        };
    }

    /** The snapshot in the current format, so that two revisions written in different formats compare line by line. */
    static String inCurrentFormat(int format, String snapshot, String name) throws ArticleFileException {
        return format == CURRENT ? snapshot : write(read(format, snapshot, name));
    }
}
