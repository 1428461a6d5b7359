package fr.tribunes.editorial;

/**
 * The form for an author, a theme or an organisation: name, address and description, as typed; for an author, the
 * family name and given names too.
 */
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

    private String familyName = "";

    private String givenNames = "";

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenNames() {
        return givenNames;
    }

    public void setGivenNames(String givenNames) {
        this.givenNames = givenNames;
    }
}
