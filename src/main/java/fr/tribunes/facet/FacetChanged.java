package fr.tribunes.facet;

/**
 * Published when a theme, author or organisation was renamed, so what shows its name elsewhere (the search
 * index) can follow.
 *
 * @param kind which kind of facet
 * @param id its key
 */
public record FacetChanged(FormerSlugs.Kind kind, long id) {}
