package fr.tribunes.system;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What the theme, author and organisation tables share: a key, a slug and a name. */
@MappedSuperclass
public abstract class FacetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    protected FacetEntity() {}

    protected long id() {
        return id;
    }

    protected String slug() {
        return slug;
    }

    protected String name() {
        return name;
    }
}
