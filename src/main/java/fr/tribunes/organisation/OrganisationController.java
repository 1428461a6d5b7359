package fr.tribunes.organisation;

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
        model.addAttribute("entries", FacetCount.all(organisations.findAll(), articles.countByOrganisation()));
        return ORGANISATIONS_VIEW;
    }

    @GetMapping("/organisations/{slug}")
    String organisation(
            @PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        OrganisationRef organisation = organisations
                .findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Aucune organisation n’a l’adresse « %s ».".formatted(slug)));
        PageNumber number = PageNumber.parse(page);
        model.addAttribute("organisation", organisation);
        model.addAttribute(
                "articles",
                Pagination.of(articles.findByOrganisation(organisation.id(), number.pageable(PAGE_SIZE)), number));
        return ORGANISATION_VIEW;
    }
}
