package fr.tribunes.organisation;

import fr.tribunes.system.FacetDirectory;
import org.springframework.stereotype.Service;

/** Looks up organisations for the other features. */
@Service
public class Organisations extends FacetDirectory<Organisation, OrganisationRef> {

    Organisations(OrganisationRepository repository) {
        super(repository, Organisation::toRef);
    }
}
