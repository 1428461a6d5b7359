package fr.tribunes.api;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.facet.ArticleCard;
import fr.tribunes.web.SiteUrls;
import java.time.Instant;
import java.util.List;

/**
 * An op-ed in the API: in lists without its text ({@code blocks} null), alone with it.
 *
 * @param slug its address under {@code /tribunes/}
 * @param url its page
 * @param title the title, as published
 * @param standfirst the standfirst, as published
 * @param date the publication date, to the precision known
 * @param authors who signed it, with their credit at the time
 * @param topics the themes it is filed under
 * @param provenance where and when it was first published, and when it entered the archive
 * @param blocks the text, in order (only for one op-ed)
 */
record ApiArticle(
        String slug,
        String url,
        String title,
        String standfirst,
        Date date,
        List<ArticleCard.Byline> authors,
        List<ArticleDocument.Named> topics,
        Provenance provenance,
        List<ArticleDocument.Block> blocks) {

    /**
     * A date no more precise than known.
     *
     * @param iso ISO 8601 to the precision known: "2015-10"
     * @param label in French: "octobre 2015"
     * @param approximate whether it is an estimate
     */
    record Date(String iso, String label, boolean approximate) {}

    /**
     * Where the op-ed comes from.
     *
     * @param publisher who first published it
     * @param url where
     * @param addedAt when it entered the archive
     * @param updatedAt when the archive's copy last changed (see the history page for corrections)
     * @param verbatim always true: the text is reproduced exactly as published
     */
    record Provenance(String publisher, String url, Instant addedAt, Instant updatedAt, boolean verbatim) {}

    static ApiArticle summary(ArticleDocument article, SiteUrls urls) {
        return of(article, urls, null);
    }

    static ApiArticle whole(ArticleDocument article, SiteUrls urls) {
        return of(article, urls, article.blocks());
    }

    private static ApiArticle of(ArticleDocument article, SiteUrls urls, List<ArticleDocument.Block> blocks) {
        return new ApiArticle(
                article.slug(),
                urls.absolute("/tribunes/" + article.slug()),
                article.title(),
                article.standfirst(),
                new Date(article.isoDate(), article.date(), article.dateApproximate()),
                article.bylines(),
                article.topics(),
                new Provenance(
                        article.originalPublisher(),
                        article.originalUrl(),
                        article.addedAt(),
                        article.updatedAt(),
                        true),
                blocks);
    }
}
