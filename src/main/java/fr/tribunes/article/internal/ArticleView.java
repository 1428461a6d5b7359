package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.Rights;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.facet.ArticleCard;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.topic.TopicRef;
import java.util.List;

/**
 * An op-ed as its page shows it: everything the template needs, loaded before rendering starts.
 *
 * @param id its key
 * @param slug its address under {@code /tribunes/}
 * @param title the title, as published
 * @param standfirst the standfirst, as published, or null
 * @param date the publication date, to the precision known
 * @param isoDate the same in ISO 8601, to that precision
 * @param dateApproximate whether the date is an estimate
 * @param dateNote what is known of the date and why, or null
 * @param bylines who signed it, as credited at the time
 * @param blocks the text, in order
 * @param topics the themes it is filed under
 * @param mentions the organisations it names
 * @param originalPublisher who first published it, or null
 * @param originalUrl where, or null
 * @param rights who holds the rights and on what footing the archive reproduces the text
 * @param addedOn when it entered this archive, in French
 * @param readingMinutes about how long the text takes to read
 * @param related other op-eds sharing its themes, most shared first
 */
record ArticleView(
        long id,
        String slug,
        String title,
        String standfirst,
        String date,
        String isoDate,
        boolean dateApproximate,
        String dateNote,
        List<BylineView> bylines,
        List<ArticleDocument.Block> blocks,
        List<TopicRef> topics,
        List<MentionView> mentions,
        String originalPublisher,
        String originalUrl,
        Rights rights,
        String addedOn,
        int readingMinutes,
        List<ArticleCard> related) {

    /** The year of publication, for the breadcrumbs to the archives. */
    public String year() {
        return isoDate.substring(0, 4);
    }

    /** The section headings, for the table of contents. */
    public List<ArticleDocument.Block> headings() {
        return blocks.stream().filter(ArticleDocument.Block::heading).toList();
    }

    /**
     * An author's name as printed under the title, with the organisation in the credit line linked when it
     * appears in it: "Théodore Michel Vrangos, Président et cofondateur d’[I-Tracing]".
     *
     * @param name the author's name
     * @param slug the author's address under {@code /auteurs/}
     * @param role the role they held at the time, or null
     * @param creditBefore the credit line up to the organisation's name, or all of it, or null
     * @param organisation the organisation named in the credit line, or null
     * @param creditAfter what follows the organisation's name, or null
     */
    record BylineView(
            String name,
            String slug,
            String familyName,
            String givenNames,
            String role,
            String creditBefore,
            OrganisationRef organisation,
            String creditAfter) {

        BylineView(
                AuthorRef author, String role, String creditBefore, OrganisationRef organisation, String creditAfter) {
            this(
                    author.name(),
                    author.slug(),
                    author.familyName(),
                    author.givenNames(),
                    role,
                    creditBefore,
                    organisation,
                    creditAfter);
        }

        /** « Vrangos, Théodore Michel », as Google Scholar reads {@code citation_author}; the whole name without parts. */
        public String inverted() {
            return ArticleCard.Byline.inverted(name, familyName, givenNames);
        }

        public boolean hasCredit() {
            return creditBefore != null || organisation != null;
        }
    }

    /**
     * An organisation the op-ed names.
     *
     * @param organisation the organisation
     * @param writtenAs how the text spells it, when that differs from its name, or null
     */
    record MentionView(OrganisationRef organisation, String writtenAs) {}
}
