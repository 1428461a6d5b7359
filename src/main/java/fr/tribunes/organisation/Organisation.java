package fr.tribunes.organisation;

import fr.tribunes.system.FacetEntity;
import jakarta.persistence.Entity;

@Entity
class Organisation extends FacetEntity {

    protected Organisation() {}

    OrganisationRef toRef() {
        return new OrganisationRef(id(), slug(), name());
    }
}
