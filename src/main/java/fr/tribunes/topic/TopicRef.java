package fr.tribunes.topic;

import fr.tribunes.facet.Facet;

/**
 * A theme, as other features name and link it.
 *
 * @param id its key
 * @param slug its address under {@code /themes/}
 * @param name its name, e.g. « cloud souverain »
 */
public record TopicRef(long id, String slug, String name) implements Facet {}
