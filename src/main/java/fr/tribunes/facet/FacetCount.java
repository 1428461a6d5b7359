package fr.tribunes.facet;

import java.util.List;
import java.util.Map;

/**
 * A theme, author or organisation with how many op-eds it has, for the lists of them.
 *
 * @param facet the theme, author or organisation
 * @param count how many op-eds it has
 */
public record FacetCount(Facet facet, long count) {

    /** Every facet with its count, in the facets' order; a facet missing from {@code counts} has none. */
    public static List<FacetCount> all(List<? extends Facet> facets, Map<Long, Long> counts) {
        return facets.stream()
                .map(facet -> new FacetCount(facet, counts.getOrDefault(facet.id(), 0L)))
                .toList();
    }

    /**
     * The {@code limit} facets with the most op-eds, in the facets' order (for a page that cannot list them all:
     * an archive can have thousands of authors).
     */
    public static List<FacetCount> mostUsed(List<? extends Facet> facets, Map<Long, Long> counts, int limit) {
        java.util.Set<Facet> kept = nonEmpty(facets, counts).stream()
                .sorted(java.util.Comparator.comparingLong(FacetCount::count).reversed())
                .limit(limit)
                .map(FacetCount::facet)
                .collect(java.util.stream.Collectors.toSet());
        return nonEmpty(facets, counts).stream()
                .filter(entry -> kept.contains(entry.facet()))
                .toList();
    }

    /** Only the facets that have at least one op-ed, in the facets' order. */
    public static List<FacetCount> nonEmpty(List<? extends Facet> facets, Map<Long, Long> counts) {
        return all(facets, counts).stream().filter(entry -> entry.count() > 0).toList();
    }
}
