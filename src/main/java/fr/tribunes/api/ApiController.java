package fr.tribunes.api;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.facet.FacetCount;
import fr.tribunes.organisation.OrganisationArticles;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.PageNumber;
import fr.tribunes.web.Pagination;
import fr.tribunes.web.SiteUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The archive as JSON, read-only: op-eds (filterable, paginated), one op-ed whole, authors, themes, organisations. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
class ApiController {

    static final int PAGE_SIZE = 20;

    private final ArticleDocuments articles;

    private final Authors authors;

    private final Topics topics;

    private final Organisations organisations;

    private final AuthorArticles authorArticles;

    private final TopicArticles topicArticles;

    private final OrganisationArticles organisationArticles;

    private final SiteUrls urls;

    ApiController(
            ArticleDocuments articles,
            Authors authors,
            Topics topics,
            Organisations organisations,
            AuthorArticles authorArticles,
            TopicArticles topicArticles,
            OrganisationArticles organisationArticles,
            SiteUrls urls) {
        this.articles = articles;
        this.authors = authors;
        this.topics = topics;
        this.organisations = organisations;
        this.authorArticles = authorArticles;
        this.topicArticles = topicArticles;
        this.organisationArticles = organisationArticles;
        this.urls = urls;
    }

    @GetMapping("/tribunes")
    @Operation(summary = "Les tribunes, les plus récentes d’abord, filtrables par auteur, thème, organisation et année")
    @ApiResponse(responseCode = "200", description = "Une page de la liste")
    @BadParameter
    @NotFound
    ArticlePage articles(
            @Parameter(description = "slug d’un auteur") @RequestParam(name = "auteur", required = false) String auteur,
            @Parameter(description = "slug d’un thème") @RequestParam(name = "theme", required = false) String theme,
            @Parameter(description = "slug d’une organisation") @RequestParam(name = "organisation", required = false)
                    String organisation,
            @Parameter(
                            description = "année de publication, sur quatre chiffres",
                            schema = @Schema(type = "string", pattern = "^[0-9]{4}$", example = "2015"))
                    @RequestParam(name = "annee", required = false)
                    String annee,
            @Parameter(
                            description = "page, à partir de 1",
                            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
                    @RequestParam(name = "page", required = false)
                    String page) {
        // One known only from drafts is unknown here, as its page is.
        Long authorId =
                facetId(auteur, slug -> authorArticles.ifPublishedAuthor(authors.findBySlug(slug)), "Aucun auteur");
        Long topicId = facetId(theme, slug -> topicArticles.ifPublishedTopic(topics.findBySlug(slug)), "Aucun thème");
        Long organisationId = facetId(
                organisation,
                slug -> organisationArticles.ifPublishedOrganisation(organisations.findBySlug(slug)),
                "Aucune organisation");
        Integer year = null;
        if (annee != null && !annee.isBlank()) {
            if (!annee.strip().matches("[0-9]{4}")) {
                throw new BadRequestException("« %s » n’est pas une année sur quatre chiffres.".formatted(annee));
            }
            year = Integer.valueOf(annee.strip());
        }
        PageNumber number = PageNumber.parse(page);
        Pagination<ArticleDocument> found = Pagination.of(
                articles.findMatching(authorId, topicId, organisationId, year, number.pageable(PAGE_SIZE)), number);
        return new ArticlePage(
                found.items().stream().map(a -> ApiArticle.summary(a, urls)).toList(),
                found.number(),
                found.totalPages(),
                found.totalItems());
    }

    @GetMapping("/tribunes/{slug}")
    @Operation(summary = "Une tribune entière : métadonnées, provenance et texte en blocs")
    @ApiResponse(responseCode = "200", description = "La tribune")
    @NotFound
    ApiArticle.Whole article(@PathVariable String slug) {
        return articles.findDocument(slug)
                .map(article -> ApiArticle.whole(article, urls))
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
    }

    @GetMapping("/auteurs")
    @Operation(summary = "Les auteurs et leur nombre de tribunes")
    @ApiResponse(responseCode = "200", description = "La liste entière")
    List<ApiFacet> authors() {
        return facets(FacetCount.nonEmpty(authors.findAll(), authorArticles.countByAuthor()), "/auteurs/");
    }

    @GetMapping("/themes")
    @Operation(summary = "Les thèmes et leur nombre de tribunes")
    @ApiResponse(responseCode = "200", description = "La liste entière")
    List<ApiFacet> topics() {
        return facets(FacetCount.nonEmpty(topics.findAll(), topicArticles.countByTopic()), "/themes/");
    }

    @GetMapping("/organisations")
    @Operation(summary = "Les organisations citées et leur nombre de tribunes")
    @ApiResponse(responseCode = "200", description = "La liste entière")
    List<ApiFacet> organisations() {
        return facets(
                FacetCount.nonEmpty(organisations.findAll(), organisationArticles.countByOrganisation()),
                "/organisations/");
    }

    private List<ApiFacet> facets(List<FacetCount> counts, String base) {
        return counts.stream()
                .map(entry -> new ApiFacet(
                        entry.facet().slug(),
                        entry.facet().name(),
                        entry.count(),
                        urls.absolute(base + entry.facet().slug())))
                .toList();
    }

    private static Long facetId(
            String slug, java.util.function.Function<String, Optional<? extends Facet>> lookup, String none) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return lookup.apply(slug.strip())
                .map(Facet::id)
                .orElseThrow(() -> new NotFoundException("%s n’a l’adresse « %s ».".formatted(none, slug)));
    }

    /** One page of the list of op-eds. */
    @Schema(name = "ArticlePage")
    record ArticlePage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ApiArticle.Summary> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            int page,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            int totalPages,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0")
            long totalItems) {}

    /** A theme, author or organisation with its count of op-eds. */
    @Schema(name = "Facet")
    record ApiFacet(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String slug,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            long count,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri")
            String url) {}

    /** The 400 answer, as {@link ApiErrors} sends it. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "400",
            description = "Un paramètre incorrect, expliqué en français",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ApiErrors.SCHEMA)))
    @interface BadParameter {}

    /** The 404 answer, as {@link ApiErrors} sends it. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "404",
            description = "Une tribune, un auteur, un thème ou une organisation inconnus",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ApiErrors.SCHEMA)))
    @interface NotFound {}
}
