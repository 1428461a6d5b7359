package fr.tribunes.organisation;

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
class OrganisationController {

    static final String ORGANISATIONS_VIEW = "organisation/organisations";

    static final String ORGANISATION_VIEW = "organisation/organisation";

    static final int PAGE_SIZE = 20;

    private final Organisations organisations;

    private final OrganisationArticles articles;

    OrganisationController(Organisations organisations, OrganisationArticles articles) {
        this.organisations = organisations;
        this.articles = articles;
    }

    @GetMapping("/organisations")
    String organisations(Model model) {
        model.addAttribute("entries", FacetCount.nonEmpty(organisations.findAll(), articles.countByOrganisation()));
        return ORGANISATIONS_VIEW;
    }

    @GetMapping("/organisations/{slug}")
    Object organisation(
            @PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        Optional<OrganisationRef> found = organisations.findBySlug(slug);
        if (found.isEmpty()) {
            // An address that changed answers with a permanent redirect to the current one.
            return organisations
                    .findByFormerSlug(slug)
                    .map(moved -> Redirects.permanent("/organisations/" + moved.slug(), page))
                    .orElseThrow(() -> notFound(slug));
        }
        OrganisationRef organisation = found.get();
        PageNumber number = PageNumber.parse(page);
        Page<ArticleCard> cards = articles.findByOrganisation(organisation.id(), number.pageable(PAGE_SIZE));
        if (cards.getTotalElements() == 0) {
            // Known only from drafts (or from nothing yet): not public.
            throw notFound(slug);
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute(
                "description", organisations.descriptionOf(organisation.id()).orElse(null));
        model.addAttribute("articles", Pagination.of(cards, number));
        return ORGANISATION_VIEW;
    }

    private static NotFoundException notFound(String slug) {
        return new NotFoundException("Aucune organisation n’a l’adresse « %s ».".formatted(slug));
    }
}
