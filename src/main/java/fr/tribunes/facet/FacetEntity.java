package fr.tribunes.facet;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What the theme, author and organisation tables share: a key, a slug, a name and a description. */
@MappedSuperclass
public abstract class FacetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    private String description;

    protected FacetEntity() {}

    protected FacetEntity(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    protected long id() {
        return id;
    }

    protected String slug() {
        return slug;
    }

    protected String name() {
        return name;
    }

    protected String description() {
        return description;
    }

    void rename(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    void describe(String description) {
        this.description = description;
    }
}
