package fr.tribunes.organisation;

import fr.tribunes.facet.FacetEntity;
import jakarta.persistence.Entity;

@Entity
class Organisation extends FacetEntity {

    protected Organisation() {}

    Organisation(String slug, String name) {
        super(slug, name);
    }

    OrganisationRef toRef() {
        return new OrganisationRef(id(), slug(), name());
    }
}
