package fr.tribunes.editorial;

/** The form for an author, a theme or an organisation: name, address and description, as typed. */
public class FacetForm {

    private String name = "";

    private String slug = "";

    private String description = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
