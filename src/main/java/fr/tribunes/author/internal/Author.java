package fr.tribunes.author.internal;

import fr.tribunes.author.AuthorRef;
import fr.tribunes.facet.FacetEntity;
import jakarta.persistence.Entity;

@Entity
public class Author extends FacetEntity {

    protected Author() {}

    public Author(String slug, String name) {
        super(slug, name);
    }

    public AuthorRef toRef() {
        return new AuthorRef(id(), slug(), name());
    }
}
