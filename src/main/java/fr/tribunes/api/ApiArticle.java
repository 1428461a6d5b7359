package fr.tribunes.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.facet.ArticleCard;
import fr.tribunes.web.SiteUrls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The API's own records, so that what it sends is what its OpenAPI description says (ApiContractTests checks every
 * route's live answers against {@code /v3/api-docs}): every field is required, and one that may be null says so.
 * An op-ed in a list ({@link Summary}) has no text; alone ({@link Whole}) it has its blocks.
 */
final class ApiArticle {

    private ApiArticle() {}

    /**
     * An op-ed in a list, without its text.
     *
     * @param slug its address under {@code /tribunes/}
     * @param url its page
     * @param title the title, as published
     * @param standfirst the standfirst, as published, or null
     * @param date the publication date, to the precision known
     * @param authors who signed it, with their credit at the time
     * @param topics the themes it is filed under
     * @param provenance where and when it was first published, and when it entered the archive
     */
    @Schema(name = "ArticleSummary", description = "Une tribune dans une liste, sans son texte")
    record Summary(
            @Schema(requiredMode = REQUIRED) String slug,
            @Schema(requiredMode = REQUIRED, format = "uri") String url,
            @Schema(requiredMode = REQUIRED) String title,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String standfirst,

            @Schema(requiredMode = REQUIRED) Date date,
            @Schema(requiredMode = REQUIRED) List<Byline> authors,
            @Schema(requiredMode = REQUIRED) List<Named> topics,
            @Schema(requiredMode = REQUIRED) Provenance provenance) {}

    /**
     * An op-ed whole: as in a list, with its text.
     *
     * @param blocks the text, in order: paragraphs and section headings
     */
    @Schema(name = "Article", description = "Une tribune entière : métadonnées, provenance et texte en blocs")
    record Whole(
            @Schema(requiredMode = REQUIRED) String slug,
            @Schema(requiredMode = REQUIRED, format = "uri") String url,
            @Schema(requiredMode = REQUIRED) String title,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String standfirst,

            @Schema(requiredMode = REQUIRED) Date date,
            @Schema(requiredMode = REQUIRED) List<Byline> authors,
            @Schema(requiredMode = REQUIRED) List<Named> topics,
            @Schema(requiredMode = REQUIRED) Provenance provenance,
            @Schema(requiredMode = REQUIRED) List<Block> blocks) {}

    /**
     * A date no more precise than known.
     *
     * @param iso ISO 8601 to the precision known: "2015-10"
     * @param label in French: "octobre 2015"
     * @param approximate whether it is an estimate
     */
    @Schema(name = "Date")
    record Date(
            @Schema(requiredMode = REQUIRED, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", example = "2015-10")
            String iso,

            @Schema(requiredMode = REQUIRED, example = "octobre 2015")
            String label,

            @Schema(requiredMode = REQUIRED) boolean approximate) {}

    /**
     * An author as credited on the op-ed.
     *
     * @param name the name as signed
     * @param slug the author's address under {@code /auteurs/}
     * @param credit the role and organisation printed with the name at the time, or null
     * @param familyName the family name, as an editor entered it, or null
     * @param givenNames the given names, as an editor entered them, or null
     */
    @Schema(name = "Byline")
    record Byline(
            @Schema(requiredMode = REQUIRED, example = "Théodore Michel Vrangos")
            String name,

            @Schema(requiredMode = REQUIRED) String slug,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String credit,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"},
                    example = "Vrangos")
            String familyName,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"},
                    example = "Théodore Michel")
            String givenNames) {}

    /**
     * A theme.
     *
     * @param slug its address under {@code /themes/}
     * @param name its name
     */
    @Schema(name = "Theme")
    record Named(
            @Schema(requiredMode = REQUIRED) String slug,
            @Schema(requiredMode = REQUIRED) String name) {}

    /**
     * A paragraph or a section heading.
     *
     * @param heading whether it is a section heading
     * @param anchor its anchor on the op-ed's page: "p-3", "s-1"
     * @param text its text, as published
     */
    @Schema(name = "Block")
    record Block(
            @Schema(requiredMode = REQUIRED) boolean heading,
            @Schema(requiredMode = REQUIRED) String anchor,
            @Schema(requiredMode = REQUIRED) String text) {}

    /**
     * Where the op-ed comes from.
     *
     * @param publisher who first published it, or null
     * @param url where, or null
     * @param addedAt when it entered the archive
     * @param updatedAt when the archive's copy last changed (see the history page for corrections)
     * @param verbatim always true: the text is reproduced exactly as published
     * @param rights who holds the rights and on what footing the archive reproduces the text
     */
    @Schema(name = "Provenance")
    record Provenance(
            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String publisher,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String url,

            @Schema(requiredMode = REQUIRED) Instant addedAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt,
            @Schema(requiredMode = REQUIRED) boolean verbatim,
            @Schema(requiredMode = REQUIRED) ApiRights rights) {}

    /**
     * The rights on a text, as editors entered them; every field null when they entered nothing.
     *
     * @param holder who holds them, as editors name them
     * @param basis on what footing the archive reproduces the text
     * @param license the licence's address, only under {@code license}
     * @param statement all of it in one French sentence, as Dublin Core's {@code rights} gives it
     */
    @Schema(name = "Rights", description = "Les droits sur le texte, tels que la rédaction les a indiqués")
    record ApiRights(
            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"},
                    example = "Théodore Michel Vrangos et La Revue du Digital")
            String holder,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"},
                    pattern = "^(archive|permission|license)$",
                    description = "archive : tous droits réservés, reproduit à titre d’archive avec sa source ;"
                            + " permission : avec l’autorisation des ayants droit ; license : sous la licence donnée")
            String basis,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"},
                    format = "uri")
            String license,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"string", "null"})
            String statement) {}

    static Summary summary(ArticleDocument article, SiteUrls urls) {
        return new Summary(
                article.slug(),
                urls.absolute("/tribunes/" + article.slug()),
                article.title(),
                article.standfirst(),
                date(article),
                bylines(article),
                topics(article),
                provenance(article));
    }

    static Whole whole(ArticleDocument article, SiteUrls urls) {
        return new Whole(
                article.slug(),
                urls.absolute("/tribunes/" + article.slug()),
                article.title(),
                article.standfirst(),
                date(article),
                bylines(article),
                topics(article),
                provenance(article),
                article.blocks().stream()
                        .map(block -> new Block(block.heading(), block.anchor(), block.text()))
                        .toList());
    }

    private static Date date(ArticleDocument article) {
        return new Date(article.isoDate(), article.date(), article.dateApproximate());
    }

    private static List<Byline> bylines(ArticleDocument article) {
        return article.bylines().stream()
                .map((ArticleCard.Byline byline) -> new Byline(
                        byline.name(), byline.slug(), byline.credit(), byline.familyName(), byline.givenNames()))
                .toList();
    }

    private static List<Named> topics(ArticleDocument article) {
        return article.topics().stream()
                .map(topic -> new Named(topic.slug(), topic.name()))
                .toList();
    }

    private static Provenance provenance(ArticleDocument article) {
        return new Provenance(
                article.originalPublisher(),
                article.originalUrl(),
                article.addedAt(),
                article.updatedAt(),
                true,
                new ApiRights(
                        article.rights().holder(),
                        article.rights().basis() == null
                                ? null
                                : article.rights().basis().key(),
                        article.rights().license(),
                        article.rights().statement()));
    }
}
