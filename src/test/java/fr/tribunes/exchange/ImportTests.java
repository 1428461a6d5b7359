package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.ArticleFiles.Outcome;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Importing files: what is new is created, what is the same left alone, what changed recorded, what is wrong refused. */
@SiteTest
class ImportTests {

    @Autowired
    ArchiveExchange exchange;

    @Autowired
    ArticleEditor editor;

    @Autowired
    Topics topics;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    /** A synthetic op-ed in the exchange format, as an editor would write it. */
    private static String opEd(int number, String lastParagraph) {
        return """
                ---
                title: %s
                slug: %s
                date: 2020-06-15
                authors:
                - name: Auteur synthétique C
                  role: Rôle synthétique
                themes:
                - Thème synthétique des imports
                ---

                Premier paragraphe synthétique, écrit pour les tests.

                %s
                """.formatted(SyntheticArticles.title(number), SyntheticArticles.slug(number), lastParagraph);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAChangedParagraphIsACorrection() throws Exception {
        Path file = Files.writeString(folder.resolve("tribune.md"), opEd(21, "Dernier paragraphe synthétique."));
        String history = "/tribunes/" + SyntheticArticles.slug(21) + "/historique";

        assertThat(exchange.importFiles(List.of(file)).articles(Outcome.CREATED))
                .isEqualTo(1);
        long id = editor.list(SyntheticArticles.title(21), 2).get(0).id();
        assertThat(editor.revisions(id)).hasSize(1);
        assertThat(get(history)).contains("Version n° 1").doesNotContain("Version n° 2");

        ArchiveExchange.ImportReport again = exchange.importFiles(List.of(file));
        assertThat(again.articles(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(again.articles(Outcome.CREATED) + again.articles(Outcome.UPDATED))
                .isZero();
        assertThat(editor.revisions(id)).hasSize(1);

        Files.writeString(file, opEd(21, "Dernier paragraphe synthétique, corrigé par l’import."));
        assertThat(exchange.importFiles(List.of(file)).articles(Outcome.UPDATED))
                .isEqualTo(1);
        assertThat(editor.revisions(id)).hasSize(2);
        assertThat(get(history))
                .contains("Version n° 2", "Import de tribune.md", "<ins>")
                .contains("corrigé par l’import.");
        assertThat(get("/tribunes/" + SyntheticArticles.slug(21))).contains("corrigé par l’import.");

        assertThat(exchange.importFiles(List.of(file)).articles(Outcome.UNCHANGED))
                .isEqualTo(1);
        assertThat(editor.revisions(id)).hasSize(2);
    }

    @Test
    void eachBadFileIsRefusedWithItsLineAndTheGoodOneInTheSameFolderIsImported() throws Exception {
        write("01-sans-en-tete.md", "Un texte synthétique sans en-tête.\n");
        write("02-en-tete-non-ferme.md", """
                ---
                title: Tribune synthétique n° 32 (données de test)
                date: 2020

                Texte synthétique.
                """);
        write("03-yaml-illisible.md", """
                ---
                title: Tribune synthétique n° 33 (données de test)
                date: 2020: 06
                authors:
                - Auteur synthétique C
                ---

                Texte synthétique.
                """);
        write("04-cle-inconnue.md", """
                ---
                title: Tribune synthétique n° 34 (données de test)
                date: 2020
                auteur: Auteur synthétique C
                ---

                Texte synthétique.
                """);
        write("05-sans-titre.md", """
                ---
                date: 2020
                authors:
                - Auteur synthétique C
                ---

                Texte synthétique.
                """);
        write("06-date-invalide.md", """
                ---
                title: Tribune synthétique n° 36 (données de test)
                date: 2015-13-45
                authors:
                - Auteur synthétique C
                ---

                Texte synthétique.
                """);
        write("07-adresse-invalide.md", """
                ---
                title: Tribune synthétique n° 37 (données de test)
                date: 2020
                publisher: Média synthétique
                url: ftp://example.org/tribune-synthetique-37
                authors:
                - Auteur synthétique C
                ---

                Texte synthétique.
                """);
        // A last paragraph in ISO-8859-1, on line 10: its "é" is one byte that UTF-8 cannot start a character with.
        Path latin1 = write("08-pas-en-utf8.md", """
                ---
                title: Tribune synthétique n° 38 (données de test)
                date: 2020
                authors:
                - Auteur synthétique C
                ---

                Premier paragraphe synthétique.

                """);
        Files.write(
                latin1,
                "Texte synthétique écrit en Latin-1.\n".getBytes(StandardCharsets.ISO_8859_1),
                StandardOpenOption.APPEND);
        Files.write(folder.resolve("09-trop-long.md"), new byte[(int) ArchiveExchange.MAX_BYTES + 1]);
        write("10-bonne.md", opEd(30, "Dernier paragraphe synthétique."));
        write("12-titre-en-double.md", """
                ---
                title: Tribune synthétique n° 31 (données de test)
                date: 2020
                title: Autre titre synthétique (données de test)
                authors:
                - Auteur synthétique C
                ---

                Texte synthétique.
                """);
        write("11-dates-inversees.md", """
                ---
                title: Tribune synthétique n° 39 (données de test)
                date: 2020
                authors:
                - Auteur synthétique C
                added_at: 2026-11-28T10:00:00Z
                updated_at: 2026-11-27T10:00:00Z
                ---

                Texte synthétique.
                """);
        write("notes.txt", "Pas une tribune : ignoré.");

        ArchiveExchange.ImportReport report = exchange.importFiles(List.of(folder));

        assertThat(report.articles(Outcome.CREATED)).isEqualTo(1);
        assertThat(get("/tribunes/" + SyntheticArticles.slug(30))).contains(SyntheticArticles.title(30));
        Map<String, ArchiveExchange.Refusal> refused = report.refusals().stream()
                .collect(Collectors.toMap(r -> r.file().getFileName().toString(), Function.identity()));
        assertThat(refused).hasSize(11);
        assertRefused(refused.get("01-sans-en-tete.md"), 1, "doit commencer par une ligne « --- »");
        assertRefused(refused.get("02-en-tete-non-ferme.md"), 1, "n’est pas fermé par une ligne « --- »");
        assertRefused(refused.get("03-yaml-illisible.md"), 3, "en-tête YAML illisible");
        assertRefused(refused.get("04-cle-inconnue.md"), 4, "clé inconnue « auteur »");
        assertRefused(refused.get("05-sans-titre.md"), 1, "Indiquez le titre.");
        assertRefused(refused.get("06-date-invalide.md"), 3, "« 2015-13-45 » n’est pas une date");
        assertRefused(refused.get("07-adresse-invalide.md"), 5, "doit commencer par https://");
        assertRefused(refused.get("08-pas-en-utf8.md"), 10, "n’est pas en UTF-8");
        assertRefused(refused.get("09-trop-long.md"), 1, "dépasse 2 Mo");
        assertRefused(refused.get("12-titre-en-double.md"), 4, "la clé « title » figure deux fois");
        assertRefused(refused.get("11-dates-inversees.md"), 7, "« updated_at » ne peut pas précéder « added_at »");
        // As printed for the editor: the file as given, its line, the reason.
        assertThat(refused.get("04-cle-inconnue.md").toString())
                .isEqualTo(folder.resolve("04-cle-inconnue.md") + ", ligne 4 : clé inconnue « auteur »"
                        + " (attendues : added_at, authors, date, date_approximate, date_note, license,"
                        + " organisations, publisher, rights_basis, rights_holder, slug, standfirst, status, themes,"
                        + " title, updated_at, url).");
        // Nothing of the refused files reached the archive.
        for (int number = 31; number <= 39; number++) {
            assertThat(editor.list(SyntheticArticles.title(number), 1)).isEmpty();
        }
        assertThat(editor.list("Autre titre synthétique", 1)).isEmpty();
    }

    @Test
    void facetsFileGivesSlugsNamesAndDescriptionsAllOrNothing() throws Exception {
        TopicRef existing = topics.create("Thème synthétique existant", "theme-synthetique-existant");
        write(FacetsFile.NAME, """
                authors:
                - slug: auteur-synthetique-d
                  name: Auteur synthétique D
                  description: Auteur inventé pour les tests.
                themes:
                - slug: theme-synthetique-existant
                  name: Thème synthétique existant
                  description: Décrit par l’import.
                organisations: []
                """);
        write("tribune.md", opEd(40, "Dernier paragraphe synthétique.").replace("- name: Auteur synthétique C", """
                - name: Auteur synthétique D
                  slug: auteur-synthetique-d"""));

        ArchiveExchange.ImportReport report = exchange.importFiles(List.of(folder));

        assertThat(report.refusals()).isEmpty();
        assertThat(report.facets(Outcome.CREATED)).isEqualTo(1);
        assertThat(report.facets(Outcome.UPDATED)).isEqualTo(1);
        assertThat(topics.findDetails(existing.id()).map(FacetDirectory.Details::description))
                .hasValue("Décrit par l’import.");
        assertThat(get("/auteurs/auteur-synthetique-d"))
                .contains("Auteur inventé pour les tests.", SyntheticArticles.title(40));
        ArchiveExchange.ImportReport again = exchange.importFiles(List.of(folder));
        assertThat(again.facets(Outcome.UNCHANGED)).isEqualTo(2);
        assertThat(again.articles(Outcome.UNCHANGED)).isEqualTo(1);

        // One bad entry and the file changes nothing; the op-eds beside it are still imported.
        write(FacetsFile.NAME, """
                themes:
                - slug: theme-synthetique-nouveau
                  name: Thème synthétique nouveau
                - slug: Thème Mal Écrit
                  name: Thème synthétique mal écrit
                """);
        write("tribune.md", opEd(41, "Dernier paragraphe synthétique."));
        ArchiveExchange.ImportReport refused = exchange.importFiles(List.of(folder));
        assertThat(refused.refusals()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(folder.resolve(FacetsFile.NAME));
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("« Thème Mal Écrit » ne peut contenir que des lettres minuscules");
        });
        assertThat(topics.findBySlug("theme-synthetique-nouveau")).isEmpty();
        assertThat(refused.articles(Outcome.CREATED)).isEqualTo(1);
    }

    @Test
    void aFileTheDatabaseRefusesIsRefusedAloneAndTheRestOfItsBatchIsImportedAndSearchable() throws Exception {
        // A rule only the database knows, for this test: the checks let the file through, H2 refuses it, and with
        // it the transaction of the whole batch.
        jdbc.execute("alter table article add constraint refused_by_this_test check (title <> '"
                + SyntheticArticles.title(51) + "')");
        try {
            for (int number = 50; number <= 52; number++) {
                write("tribune-" + number + ".md", opEd(number, "Mot synthétique introuvable" + number + "."));
            }

            ArchiveExchange.ImportReport report = exchange.importFiles(List.of(folder));

            assertThat(report.articles(Outcome.CREATED)).isEqualTo(2);
            assertThat(report.refusals()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo(folder.resolve("tribune-51.md"));
                assertThat(r.reason()).startsWith("la base de données a refusé l’enregistrement");
            });
            assertThat(get("/tribunes/" + SyntheticArticles.slug(50))).contains(SyntheticArticles.title(50));
            assertThat(get("/tribunes/" + SyntheticArticles.slug(52))).contains(SyntheticArticles.title(52));
            assertThat(editor.list(SyntheticArticles.title(51), 1)).isEmpty();
            assertThat(get("/recherche?q=introuvable52")).contains(SyntheticArticles.title(52));
            assertThat(get("/recherche?q=introuvable51")).doesNotContain(SyntheticArticles.title(51));
        } finally {
            jdbc.execute("alter table article drop constraint refused_by_this_test");
        }
    }

    @Test
    void aNameBrokenOverLinesIsRefusedRatherThanForgeARecordInAnExport() throws Exception {
        write(
                "nom-sur-deux-lignes.md",
                opEd(60, "Dernier paragraphe synthétique.")
                        .replace(
                                "- name: Auteur synthétique C",
                                "- name: \"Auteur synthétique C\\nUR  - https://evil.example/\""));

        ArchiveExchange.ImportReport report = exchange.importFiles(List.of(folder));

        assertThat(report.articles(Outcome.CREATED)).isZero();
        assertThat(report.refusals())
                .singleElement()
                .satisfies(r -> assertThat(r.reason())
                        .contains("tient sur une ligne\u202f: retirez-en les retours à la ligne."));
    }

    @Test
    void aBatchOfOpEdsIsWrittenAndIndexedTogether() throws Exception {
        int count = ArchiveExchange.BATCH + 3;
        for (int number = 0; number < count; number++) {
            write("lot-" + number + ".md", opEd(1000 + number, "Lot synthétique lotimporte" + number + "."));
        }

        ArchiveExchange.ImportReport report = exchange.importFiles(List.of(folder));

        assertThat(report.articles(Outcome.CREATED)).isEqualTo(count);
        assertThat(report.refusals()).isEmpty();
        // The first of the first batch and the last of the second are found by search.
        assertThat(get("/recherche?q=lotimporte0")).contains(SyntheticArticles.title(1000));
        assertThat(get("/recherche?q=lotimporte" + (count - 1))).contains(SyntheticArticles.title(1000 + count - 1));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertRefused(ArchiveExchange.Refusal refusal, int line, String reason) {
        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.line()).as(refusal.toString()).isEqualTo(line);
        assertThat(refusal.reason()).as(refusal.toString()).contains(reason);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
