package fr.tribunes.facet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The home page's short lists of themes and authors: those with the most op-eds, in alphabetical order. */
class FacetCountTests {

    record Named(long id, String slug, String name) implements Facet {}

    static final List<Named> FACETS = List.of(
            new Named(1, "a", "Thème synthétique A"),
            new Named(2, "b", "Thème synthétique B"),
            new Named(3, "c", "Thème synthétique C"),
            new Named(4, "d", "Thème synthétique D"));

    @Test
    void theMostUsedAreKeptInTheFacetsOwnOrderAndThoseWithoutOpEdsNever() {
        List<FacetCount> kept = FacetCount.mostUsed(FACETS, Map.of(1L, 2L, 2L, 9L, 4L, 5L), 2);
        assertThat(kept).extracting(c -> c.facet().slug()).containsExactly("b", "d");
        assertThat(kept).extracting(FacetCount::count).containsExactly(9L, 5L);

        assertThat(FacetCount.mostUsed(FACETS, Map.of(1L, 2L), 3))
                .extracting(c -> c.facet().slug())
                .containsExactly("a");
    }
}
