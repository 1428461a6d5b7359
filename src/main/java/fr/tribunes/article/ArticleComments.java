package fr.tribunes.article;

import java.util.List;

/**
 * What an op-ed page shows of its readers' comments. The comment feature implements it; this feature only asks,
 * so that op-eds know nothing of how comments are kept or moderated, and nothing of what only editors may see.
 */
public interface ArticleComments {

    /**
     * The comments section of a published op-ed.
     *
     * @param articleId the op-ed's key
     * @param slug its current address under {@code /tribunes/}, which the comment form is bound to
     */
    Section sectionOf(long articleId, String slug);

    /**
     * The comments section.
     *
     * @param comments the approved comments, oldest first
     * @param open whether readers may comment
     * @param formToken the signed token the comment form carries, or null when comments are closed
     */
    record Section(List<ShownComment> comments, boolean open, String formToken) {

        public int count() {
            return comments.size();
        }
    }

    /**
     * An approved comment, as readers see it: never its author's e-mail address.
     *
     * @param anchor its fragment identifier on the page, e.g. {@code commentaire-12}
     * @param authorName the name its author gave
     * @param website the author's site (http or https), or null
     * @param date when it was sent, in French, Paris time
     * @param isoDate the same in ISO 8601, for {@code <time datetime>}
     * @param paragraphs its text, split on blank lines
     */
    record ShownComment(
            String anchor,
            String authorName,
            String website,
            String date,
            String isoDate,
            List<Paragraph> paragraphs) {}

    /** A paragraph of a comment: text, with the web addresses in it as links. */
    record Paragraph(List<Segment> segments) {}

    /**
     * A piece of a paragraph: plain text, or a web address to be shown as a link to itself.
     *
     * @param text what is printed
     * @param href where it links (http or https only), or null for plain text
     */
    record Segment(String text, String href) {

        public boolean link() {
            return href != null;
        }
    }
}
