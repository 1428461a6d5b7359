package fr.tribunes.author;

import fr.tribunes.facet.Facet;

/**
 * An author, as other features name and link them.
 *
 * @param id its key
 * @param slug its address under {@code /auteurs/}
 * @param name their name as signed, e.g. « Théodore Michel Vrangos »
 */
public record AuthorRef(long id, String slug, String name) implements Facet {}
