package fr.tribunes.author;

import fr.tribunes.facet.Facet;

/**
 * An author, as other features name and link them.
 *
 * @param id its key
 * @param slug its address under {@code /auteurs/}
 * @param name their name as signed, e.g. « Théodore Michel Vrangos »
 * @param familyName their family name as an editor entered it, e.g. « Vrangos », or null if none did
 * @param givenNames their given names as an editor entered them, e.g. « Théodore Michel », or null
 */
public record AuthorRef(long id, String slug, String name, String familyName, String givenNames) implements Facet {}
