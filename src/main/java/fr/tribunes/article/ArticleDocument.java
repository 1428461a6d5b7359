package fr.tribunes.article;

import fr.tribunes.facet.ArticleCard;
import java.time.Instant;
import java.util.List;

/**
 * An op-ed whole, for features that publish it in another form (feeds, exports): its text, bylines, themes,
 * date to the precision known, and provenance.
 *
 * @param id its key, which never changes
 * @param slug its address under {@code /tribunes/}
 * @param title the title, as published
 * @param standfirst the standfirst, as published, or null
 * @param date the publication date in French, to the precision known ("octobre 2015")
 * @param isoDate the same in ISO 8601, to that precision ("2015-10")
 * @param dateApproximate whether the date is an estimate
 * @param bylines who signed it, with their credit at the time
 * @param blocks the text, in order
 * @param topics the themes it is filed under, as (slug, name)
 * @param organisations the organisations it names, as (slug, name), by slug
 * @param originalPublisher who first published it, or null
 * @param originalUrl where, or null
 * @param addedAt when it entered the archive
 * @param updatedAt when the archive's copy last changed (the same, unless it was corrected)
 * @param publicationKind what kind of periodical the original publisher is, as editors said ({@link Publishers}),
 *     or null
 * @param rights who holds the rights and on what footing the archive reproduces it, as editors entered them
 */
public record ArticleDocument(
        long id,
        String slug,
        String title,
        String standfirst,
        String date,
        String isoDate,
        boolean dateApproximate,
        List<ArticleCard.Byline> bylines,
        List<Block> blocks,
        List<Named> topics,
        List<Named> organisations,
        String originalPublisher,
        String originalUrl,
        Instant addedAt,
        Instant updatedAt,
        PublicationKind publicationKind,
        Rights rights) {

    /** A block of text: a section heading or a paragraph, with its anchor ({@code s-N} or {@code p-N}). */
    public record Block(boolean heading, String anchor, String text) {}

    /** A theme or an organisation: slug and name. */
    public record Named(String slug, String name) {}
}
