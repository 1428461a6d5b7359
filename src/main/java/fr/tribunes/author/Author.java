package fr.tribunes.author;

import fr.tribunes.facet.FacetEntity;
import jakarta.persistence.Entity;

@Entity
class Author extends FacetEntity {

    protected Author() {}

    Author(String slug, String name) {
        super(slug, name);
    }

    AuthorRef toRef() {
        return new AuthorRef(id(), slug(), name());
    }
}
