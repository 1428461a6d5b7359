package fr.tribunes.organisation;

import fr.tribunes.facet.Facet;

/**
 * An organisation, as other features name and link it.
 *
 * @param id its key
 * @param slug its address under {@code /organisations/}
 * @param name its name, e.g. « Numergy »
 */
public record OrganisationRef(long id, String slug, String name) implements Facet {}
