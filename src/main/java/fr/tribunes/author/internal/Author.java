package fr.tribunes.author.internal;

import fr.tribunes.author.AuthorRef;
import fr.tribunes.facet.FacetEntity;
import jakarta.persistence.Entity;

@Entity
public class Author extends FacetEntity {

    /** As an editor entered it, or null: then citations use the whole name. */
    private String familyName;

    /** As an editor entered them, or null. */
    private String givenNames;

    protected Author() {}

    public Author(String slug, String name) {
        super(slug, name);
    }

    public AuthorRef toRef() {
        return new AuthorRef(id(), slug(), name(), familyName, givenNames);
    }

    /** Sets the name's parts; a family name alone is allowed, given names alone are not ({@code Authors}). */
    public void nameParts(String familyName, String givenNames) {
        this.familyName = familyName;
        this.givenNames = givenNames;
    }
}
