package fr.tribunes.author;

import fr.tribunes.system.FacetCount;
import fr.tribunes.system.NotFoundException;
import fr.tribunes.system.PageNumber;
import fr.tribunes.system.Pagination;
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
        model.addAttribute("entries", FacetCount.all(authors.findAll(), articles.countByAuthor()));
        return AUTHORS_VIEW;
    }

    @GetMapping("/auteurs/{slug}")
    String author(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        AuthorRef author = authors.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Aucun auteur n’a l’adresse « %s ».".formatted(slug)));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("author", author);
        model.addAttribute(
                "articles", Pagination.of(articles.findByAuthor(author.id(), number.pageable(PAGE_SIZE)), number));
        return AUTHOR_VIEW;
    }
}
