package fr.tribunes.facet;

/** A named record with a page of its own that lists op-eds: a theme, an author, an organisation. */
public interface Facet {

    long id();

    /** Its address under its feature's path, e.g. {@code cloud-souverain}. */
    String slug();

    String name();
}
