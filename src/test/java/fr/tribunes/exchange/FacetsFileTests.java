package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.article.ArticleFileException;
import fr.tribunes.exchange.FacetsFile.Entry;
import fr.tribunes.exchange.FacetsFile.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code facettes.yaml} read back as written, and refused with its line when it is not understood. */
class FacetsFileTests {

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Map<Kind, List<Entry>> facets = Map.of(
                Kind.AUTHORS,
                List.of(new Entry(
                        "auteur-synthetique-f", "Auteur synthétique F", "Deux lignes :\n« inventées ».", true, 0)),
                Kind.THEMES,
                List.of(new Entry("theme-synthetique", "Thème synthétique: avec deux-points", null, false, 0)),
                Kind.ORGANISATIONS,
                List.of());

        Map<Kind, List<Entry>> read = FacetsFile.read(FacetsFile.NAME, FacetsFile.write(facets));

        assertThat(read.get(Kind.AUTHORS)).singleElement().satisfies(author -> {
            assertThat(author.slug()).isEqualTo("auteur-synthetique-f");
            assertThat(author.name()).isEqualTo("Auteur synthétique F");
            assertThat(author.description()).isEqualTo("Deux lignes :\n« inventées ».");
        });
        assertThat(read.get(Kind.THEMES)).singleElement().satisfies(theme -> {
            assertThat(theme.name()).isEqualTo("Thème synthétique: avec deux-points");
            assertThat(theme.describes()).isFalse();
        });
        assertThat(read.get(Kind.ORGANISATIONS)).isEmpty();
    }

    @Test
    void anAuthorsNamePartsReadBackAndOnlyAuthorsHaveThem() throws Exception {
        Map<Kind, List<Entry>> facets = Map.of(
                Kind.AUTHORS,
                List.of(new Entry(
                        "auteur-synthetique-n",
                        "Auteur Synthétique N (données de test)",
                        null,
                        false,
                        "Synthétique N",
                        "Auteur",
                        true,
                        0)));
        String written = FacetsFile.write(facets);
        assertThat(written).contains("family_name: Synthétique N", "given_names: Auteur");

        Entry read = FacetsFile.read(FacetsFile.NAME, written).get(Kind.AUTHORS).get(0);
        assertThat(read.familyName()).isEqualTo("Synthétique N");
        assertThat(read.givenNames()).isEqualTo("Auteur");
        assertThat(read.names()).isTrue();
        // Without the keys, an author's parts are left as they are.
        assertThat(FacetsFile.read(FacetsFile.NAME, "authors:\n- slug: a\n  name: A\n")
                        .get(Kind.AUTHORS)
                        .get(0)
                        .names())
                .isFalse();

        assertRefused("authors:\n- slug: a\n  name: A\n  given_names: B\n", 4, "sans nom de famille");
        assertRefused("themes:\n- slug: a\n  name: A\n  family_name: B\n", 4, "clé inconnue « family_name »");
    }

    @Test
    void anEmptyFileListsNothing() throws Exception {
        assertThat(FacetsFile.read(FacetsFile.NAME, "# rien\n")).isEmpty();
    }

    @Test
    void whatIsNotUnderstoodIsRefusedWithItsLine() {
        assertRefused("themes:\n- slug: a\n  name: A\nauthors: []\nthemes: []\n", 5, "« themes » figure deux fois");
        assertRefused("themes:\n- slug: a\n  name: A\n  name: B\n", 4, "« name » figure deux fois");
        assertRefused("sujets:\n- slug: a\n", 1, "clé inconnue « sujets »");
        assertRefused("themes:\n- slug: a\n  nom: A\n", 3, "clé inconnue « nom »");
        assertRefused("themes:\n- slug: a\n  name: A\n- slug: a\n  name: B\n", 4, "figure deux fois dans « themes »");
        assertRefused("themes:\n- name: A\n", 2, "indiquez l’adresse");
        assertRefused("themes:\n- slug: a\n", 2, "indiquez le nom");
        assertRefused("themes: [\n", 2, "YAML illisible");
        assertRefused("themes: un seul\n", 1, "doit être une liste");
        assertRefused("- a\n", 1, "doit lister « authors », « themes » et « organisations »");
        // A tag asking for a Java object: SnakeYAML refuses it already while composing; nothing is ever built.
        assertRefused(
                "themes:\n- slug: a\n  name: !!java.net.URL [\"http://example.org\"]\n",
                3,
                "YAML illisible (Global tag is not allowed");
    }

    private static void assertRefused(String content, int line, String reason) {
        assertThatThrownBy(() -> FacetsFile.read(FacetsFile.NAME, content))
                .as(content)
                .isInstanceOfSatisfying(ArticleFileException.class, e -> {
                    assertThat(e.line()).as(content).isEqualTo(line);
                    assertThat(e.reason()).as(content).contains(reason);
                });
    }
}
