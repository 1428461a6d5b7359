package fr.tribunes.facet;

import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.PageNumber;
import fr.tribunes.web.Pagination;
import fr.tribunes.web.Redirects;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.ui.Model;

/**
 * The two public pages every kind of facet has, drawn the same way for authors, themes and organisations: the list
 * of those that published op-eds name, with their counts; and one's page, its op-eds newest first, 20 a page, a
 * former address answering 301 to the current one, and one known only from drafts answering 404 as unknown. What
 * differs (address, templates, the question asked of the article module, the French « not found ») is given by
 * each feature's controller.
 *
 * @param <R> how the feature names one ({@code AuthorRef}…)
 */
public final class FacetPages<R extends Facet> {

    /** Op-eds on a facet's page. */
    public static final int PAGE_SIZE = 20;

    /**
     * What one kind of facet's pages are made of.
     *
     * @param path its pages' address, e.g. {@code /auteurs}
     * @param attribute the model attribute the facet's page template reads, e.g. {@code author}
     * @param listView the template of the list, e.g. {@code author/authors}
     * @param pageView the template of one's page, e.g. {@code author/author}
     * @param notFound the French message for an unknown address, with {@code %s} for the slug
     */
    public record Kind(String path, String attribute, String listView, String pageView, String notFound) {}

    private final Kind kind;

    private final FacetDirectory<?, R> directory;

    private final BiFunction<Long, Pageable, Page<ArticleCard>> articles;

    private final Supplier<Map<Long, Long>> counts;

    /**
     * @param articles a facet's published op-eds, newest first (the article module answers)
     * @param counts how many published op-eds each facet has, by key
     */
    public FacetPages(
            Kind kind,
            FacetDirectory<?, R> directory,
            BiFunction<Long, Pageable, Page<ArticleCard>> articles,
            Supplier<Map<Long, Long>> counts) {
        this.kind = kind;
        this.directory = directory;
        this.articles = articles;
        this.counts = counts;
    }

    /** The list: every facet a published op-ed names, with how many. */
    public String list(Model model) {
        model.addAttribute("entries", FacetCount.nonEmpty(directory.findAll(), counts.get()));
        return kind.listView();
    }

    /**
     * One facet's page.
     *
     * @param page the page number as asked ({@code ?page=}), or null for the first
     * @return the template's name, or a redirect from a former address
     * @throws NotFoundException for an unknown address, or a facet no published op-ed names
     */
    public Object page(String slug, String page, Model model) {
        Optional<R> found = directory.findBySlug(slug);
        if (found.isEmpty()) {
            // An address that changed answers with a permanent redirect to the current one.
            return directory
                    .findByFormerSlug(slug)
                    .map(moved -> Redirects.permanent(kind.path() + "/" + moved.slug(), page))
                    .orElseThrow(() -> notFound(slug));
        }
        R facet = found.get();
        PageNumber number = PageNumber.parse(page);
        Page<ArticleCard> cards = articles.apply(facet.id(), number.pageable(PAGE_SIZE));
        if (cards.getTotalElements() == 0) {
            // Known only from drafts (or from nothing yet): not public.
            throw notFound(slug);
        }
        model.addAttribute(kind.attribute(), facet);
        model.addAttribute("description", directory.descriptionOf(facet.id()).orElse(null));
        model.addAttribute("articles", Pagination.of(cards, number));
        return kind.pageView();
    }

    private NotFoundException notFound(String slug) {
        return new NotFoundException(kind.notFound().formatted(slug));
    }
}
