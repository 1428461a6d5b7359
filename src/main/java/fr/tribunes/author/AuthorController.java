package fr.tribunes.author;

import fr.tribunes.facet.ArticleCard;
import fr.tribunes.facet.FacetCount;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.PageNumber;
import fr.tribunes.web.Pagination;
import fr.tribunes.web.Redirects;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuthorController {

    static final String AUTHORS_VIEW = "author/authors";

    static final String AUTHOR_VIEW = "author/author";

    static final int PAGE_SIZE = 20;

    private final Authors authors;

    private final AuthorArticles articles;

    AuthorController(Authors authors, AuthorArticles articles) {
        this.authors = authors;
        this.articles = articles;
    }

    @GetMapping("/auteurs")
    String authors(Model model) {
        model.addAttribute("entries", FacetCount.nonEmpty(authors.findAll(), articles.countByAuthor()));
        return AUTHORS_VIEW;
    }

    @GetMapping("/auteurs/{slug}")
    Object author(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        Optional<AuthorRef> found = authors.findBySlug(slug);
        if (found.isEmpty()) {
            // An address that changed answers with a permanent redirect to the current one.
            return authors.findByFormerSlug(slug)
                    .map(moved -> Redirects.permanent("/auteurs/" + moved.slug(), page))
                    .orElseThrow(() -> notFound(slug));
        }
        AuthorRef author = found.get();
        PageNumber number = PageNumber.parse(page);
        Page<ArticleCard> cards = articles.findByAuthor(author.id(), number.pageable(PAGE_SIZE));
        if (cards.getTotalElements() == 0) {
            // Known only from drafts (or from nothing yet): not public.
            throw notFound(slug);
        }
        model.addAttribute("author", author);
        model.addAttribute("description", authors.descriptionOf(author.id()).orElse(null));
        model.addAttribute("articles", Pagination.of(cards, number));
        return AUTHOR_VIEW;
    }

    private static NotFoundException notFound(String slug) {
        return new NotFoundException("Aucun auteur n’a l’adresse « %s ».".formatted(slug));
    }
}
