package fr.tribunes.organisation.internal;

import fr.tribunes.facet.FacetPages;
import fr.tribunes.organisation.OrganisationArticles;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.organisation.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of organisations and each one's page, as every facet has them ({@link FacetPages}). */
@Controller
class OrganisationController {

    static final FacetPages.Kind KIND = new FacetPages.Kind(
            "/organisations",
            "organisation",
            "organisation/organisations",
            "organisation/organisation",
            "Aucune organisation n’a l’adresse « %s ».");

    private final FacetPages<OrganisationRef> pages;

    OrganisationController(Organisations organisations, OrganisationArticles articles) {
        this.pages = new FacetPages<>(KIND, organisations, articles::findByOrganisation, articles::countByOrganisation);
    }

    @GetMapping("/organisations")
    String organisations(Model model) {
        return pages.list(model);
    }

    @GetMapping("/organisations/{slug}")
    Object organisation(
            @PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
        return pages.page(slug, page, model);
    }
}
