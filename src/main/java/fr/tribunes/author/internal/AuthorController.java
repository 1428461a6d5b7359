package fr.tribunes.author.internal;

import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.FacetPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of authors and each one's page, as every facet has them ({@link FacetPages}). */
@Controller
class AuthorController {

    static final FacetPages.Kind KIND = new FacetPages.Kind(
            "/auteurs", "author", "author/authors", "author/author", "Aucun auteur n’a l’adresse « %s ».");

    private final FacetPages<AuthorRef> pages;

    AuthorController(Authors authors, AuthorArticles articles) {
        this.pages = new FacetPages<>(KIND, authors, articles::findByAuthor, articles::countByAuthor);
    }

    @GetMapping("/auteurs")
    String authors(Model model) {
        return pages.list(model);
    }

    @GetMapping("/auteurs/{slug}")
    Object author(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        return pages.page(slug, page, model);
    }
}
