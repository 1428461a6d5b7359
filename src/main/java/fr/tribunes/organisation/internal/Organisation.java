package fr.tribunes.organisation.internal;

import fr.tribunes.facet.FacetEntity;
import fr.tribunes.organisation.OrganisationRef;
import jakarta.persistence.Entity;

@Entity
public class Organisation extends FacetEntity {

    protected Organisation() {}

    public Organisation(String slug, String name) {
        super(slug, name);
    }

    public OrganisationRef toRef() {
        return new OrganisationRef(id(), slug(), name());
    }
}
