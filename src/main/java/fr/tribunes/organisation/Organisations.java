package fr.tribunes.organisation;

import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.organisation.internal.Organisation;
import fr.tribunes.organisation.internal.OrganisationRepository;
import org.springframework.stereotype.Service;

/** Looks up organisations for the other features. */
@Service
public class Organisations extends FacetDirectory<Organisation, OrganisationRef> {

    Organisations(OrganisationRepository repository, FacetServices services) {
        super(repository, Organisation::toRef, Organisation::new, FormerSlugs.Kind.ORGANISATION, services);
    }
}
