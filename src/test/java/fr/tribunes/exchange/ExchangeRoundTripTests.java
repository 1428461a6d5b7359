package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.Slow;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.ArticleFiles;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An export imported into an empty archive gives the same public site, byte for byte: every page a reader or a
 * feed reader can fetch, from two applications on two databases of their own.
 */
@Slow
class ExchangeRoundTripTests {

    private static final String DESCRIPTION =
            "Description synthétique, écrite pour les tests : « guillemets » et" + " apostrophe d’usage.";

    @TempDir
    Path temp;

    /** A page as fetched: the status and the body's bytes. */
    record Fetched(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void anExportImportedIntoAnEmptyArchiveGivesTheSamePublicSite() throws Exception {
        Path folder = temp.resolve("export");
        List<String> paths;
        Map<String, Fetched> before;
        try (ConfigurableApplicationContext app = start(temp.resolve("first"))) {
            write(app);
            ArchiveExchange.ExportCounts counts =
                    app.getBean(ArchiveExchange.class).export(folder);
            // The seed and three synthetic op-eds published, one draft; every facet in facettes.yaml.
            assertThat(List.of(counts.published(), counts.drafts())).containsExactly(4, 1);
            assertThat(counts.facets())
                    .isEqualTo(
                            FacetsFile.read(FacetsFile.NAME, Files.readString(folder.resolve(FacetsFile.NAME)))
                                    .values()
                                    .stream()
                                    .mapToInt(List::size)
                                    .sum())
                    .isGreaterThan(5);
            paths = publicPaths(app);
            before = fetch(app, paths);
        }
        assertThat(Files.readString(folder.resolve(FacetsFile.NAME)))
                .contains("theme-synthetique-donnees", DESCRIPTION);

        try (ConfigurableApplicationContext app = start(temp.resolve("second"))) {
            ArchiveExchange.ImportReport report =
                    app.getBean(ArchiveExchange.class).importFiles(List.of(folder));
            assertThat(report.refusals()).isEmpty();
            // Four synthetic op-eds (one a draft) created. The seed, there by the migrations with the same text, is
            // dated by each database's creation: it takes the dates of the archive exported.
            assertThat(report.articles(ArticleFiles.Outcome.CREATED)).isEqualTo(4);
            assertThat(report.articles(ArticleFiles.Outcome.UPDATED)).isEqualTo(1);
            Map<String, Fetched> after = fetch(app, paths);
            SoftAssertions.assertSoftly(softly -> {
                for (String path : paths) {
                    softly.assertThat(after.get(path).status())
                            .as(path)
                            .isEqualTo(before.get(path).status());
                    softly.assertThat(after.get(path).text())
                            .as(path)
                            .isEqualTo(before.get(path).text());
                    softly.assertThat(after.get(path).body())
                            .as(path)
                            .isEqualTo(before.get(path).body());
                }
            });

            // The archive is now what the files say: importing them again changes nothing.
            ArchiveExchange.ImportReport again =
                    app.getBean(ArchiveExchange.class).importFiles(List.of(folder));
            assertThat(again.articles(ArticleFiles.Outcome.UNCHANGED)).isEqualTo(5);
            assertThat(again.facets(ArticleFiles.Outcome.CREATED) + again.facets(ArticleFiles.Outcome.UPDATED))
                    .isZero();
        }

        // The comparison compared something: the synthetic op-eds, the description, the seed are on the pages.
        assertThat(before.get("/").text()).contains(SyntheticArticles.title(1), SyntheticArticles.title(3));
        assertThat(before.get("/themes/theme-synthetique-donnees").text()).contains("guillemets");
        assertThat(before.get(SeedTribune.PATH).status()).isEqualTo(200);
        assertThat(before.get("/tribunes/" + SyntheticArticles.slug(4)).status())
                .isEqualTo(404);
        assertThat(before.get("/flux.atom").text()).contains(SyntheticArticles.title(2));
    }

    /**
     * An export sees the archive as it was when it began: an op-ed corrected (title and text) by an editor while the
     * export runs is written wholly as it was before, not half and half, and not as corrected. The correction is
     * made from another thread, committed, once the export has begun (its list of files read) and before it reads
     * the op-eds themselves.
     */
    @Test
    void anOpEdCorrectedDuringAnExportIsExportedWhollyAsItWasBefore() throws Exception {
        Path folder = temp.resolve("export");
        try (ConfigurableApplicationContext app = start(temp.resolve("data"))) {
            write(app);
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            long last = editor.list("", 100).stream()
                    .mapToLong(ArticleEditor.Listed::id)
                    .max()
                    .orElseThrow();
            ArticleEditor.Edited before = editor.find(last).orElseThrow();
            String correctedTitle = "Titre synthétique corrigé pendant l’export";
            String correctedText = "Texte synthétique entièrement remplacé pendant l’export.";
            List<Throwable> failures = new ArrayList<>();
            TaskProgress correctingOnce = new TaskProgress() {
                private boolean corrected;

                @Override
                void stage(String label, long total) {
                    super.stage(label, total);
                    if (corrected) {
                        return;
                    }
                    corrected = true;
                    Thread correction = new Thread(() -> {
                        try {
                            ArticleEditor.Edited now = editor.find(last).orElseThrow();
                            ArticleDraft d = now.draft();
                            editor.save(
                                    last,
                                    now.version(),
                                    new ArticleDraft(
                                            correctedTitle,
                                            d.slug(),
                                            d.standfirst(),
                                            correctedText,
                                            d.date(),
                                            d.dateApproximate(),
                                            d.dateNote(),
                                            d.originalPublisher(),
                                            d.originalUrl(),
                                            d.bylines(),
                                            d.themes(),
                                            d.organisations()),
                                    "Correction synthétique pendant l’export",
                                    "test");
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    correction.start();
                    try {
                        correction.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            app.getBean(ArchiveExchange.class).export(folder, correctingOnce);
            assertThat(failures).isEmpty();

            // Corrected in the archive...
            assertThat(editor.find(last).orElseThrow().draft().title()).isEqualTo(correctedTitle);
            // ...but exported as it was when the export began, title and text together.
            String exported = Files.readString(folder.resolve(before.slug() + ".md"));
            assertThat(exported)
                    .contains(before.draft().title())
                    .contains(before.draft().text().lines().findFirst().orElseThrow())
                    .doesNotContain(correctedTitle)
                    .doesNotContain(correctedText);
        }
    }

    /** Synthetic op-eds covering what the format carries, and facets with slugs and descriptions of their own. */
    static void write(ConfigurableApplicationContext app) throws Exception {
        ArticleEditor editor = app.getBean(ArticleEditor.class);
        Topics topics = app.getBean(Topics.class);
        Authors authors = app.getBean(Authors.class);
        Organisations organisations = app.getBean(Organisations.class);

        // Slugs that the names would not give: only facettes.yaml can bring them back.
        TopicRef theme = topics.create("Données synthétiques", "theme-synthetique-donnees");
        topics.update(theme.id(), theme.name(), theme.slug(), DESCRIPTION);
        OrganisationRef alpha = organisations.create("Organisation synthétique Alpha", "alpha-synthetique");
        organisations.update(alpha.id(), alpha.name(), alpha.slug(), "Organisation inventée pour les tests.");
        // A facet no op-ed names yet is exported too.
        topics.create("Thème synthétique sans tribune", null);

        ArticleDraft.Byline authorA = new ArticleDraft.Byline(
                "Auteur synthétique A",
                "auteur-synthetique-a",
                "Rôle synthétique",
                "Organisation synthétique Alpha",
                null);
        ArticleDraft.Byline authorB = new ArticleDraft.Byline(
                "Autrice synthétique B",
                null,
                null,
                null,
                "Mention synthétique imprimée sous le titre, chez Organisation synthétique Beta");

        // Two op-eds of the same day, written in the reverse order of their names: lists order such op-eds by key.
        long second = editor.create(
                draft(2, "2021-05-12", false, null, List.of(authorA), List.of("Données synthétiques", "PME")), "test");
        editor.publish(second, "test");
        long first = editor.create(
                draft(1, "2021-05-12", false, null, List.of(authorB), List.of("Données synthétiques", "PME")), "test");
        editor.publish(first, "test");
        long third = editor.create(
                draft(
                        3,
                        "2019",
                        true,
                        "Date synthétique, estimée pour les tests.",
                        List.of(authorA, authorB),
                        List.of("cloud souverain")),
                "test");
        editor.publish(third, "test");
        // A correction: the op-ed's copy changed after it was published.
        ArticleEditor.Edited edited = editor.find(third).orElseThrow();
        ArticleDraft corrected = edited.draft().withText(edited.draft().text() + "\n\nParagraphe synthétique ajouté.");
        editor.save(third, edited.version(), corrected, "Correction synthétique", "test");
        // A draft: exported, never public, on either side.
        editor.create(draft(4, "2022-01", false, null, List.of(authorB), List.of()), "test");

        AuthorRef a = authors.findBySlug("auteur-synthetique-a").orElseThrow();
        authors.update(a.id(), a.name(), a.slug(), "Auteur inventé pour les tests.");
    }

    private static ArticleDraft draft(
            int number,
            String date,
            boolean approximate,
            String dateNote,
            List<ArticleDraft.Byline> bylines,
            List<String> themes) {
        return new ArticleDraft(
                SyntheticArticles.title(number),
                SyntheticArticles.slug(number),
                "Chapô synthétique n° " + number + ", écrit pour les tests.",
                "Premier paragraphe synthétique n° " + number + " : « citation inventée » ; l’apostrophe !\n\n"
                        + "## Intertitre synthétique\n\n"
                        + "Second paragraphe synthétique, sur deux lignes\nde la même entrée.",
                date,
                approximate,
                dateNote,
                number == 3 ? "Média synthétique" : null,
                number == 3 ? "https://example.org/tribune-synthetique-3" : null,
                bylines,
                themes,
                number == 2
                        ? List.of(
                                new ArticleDraft.Mentioned("Organisation synthétique Alpha", "Alpha (synthétique)"),
                                new ArticleDraft.Mentioned("Organisation synthétique Gamma", null))
                        : List.of());
    }

    /** Every public page the first archive has, and a few it has not. */
    static List<String> publicPaths(ConfigurableApplicationContext app) {
        List<String> paths = new ArrayList<>(List.of(
                "/",
                "/archives",
                "/archives/2015",
                "/archives/2019",
                "/archives/2021",
                "/archives/2022",
                "/flux.atom",
                "/auteurs",
                "/themes",
                "/organisations",
                "/sitemap.xml",
                "/sitemaps/pages.xml",
                "/sitemaps/tribunes-1.xml",
                "/recherche?q=synth%C3%A9tique",
                "/api/tribunes",
                "/api/auteurs",
                "/api/themes",
                "/api/organisations"));
        for (String slug : List.of(
                SeedTribune.SLUG,
                SyntheticArticles.slug(1),
                SyntheticArticles.slug(2),
                SyntheticArticles.slug(3),
                SyntheticArticles.slug(4))) {
            for (String suffix : List.of("", ".md", "/citation.bib", "/citation.ris", "/citation.json")) {
                paths.add("/tribunes/" + slug + suffix);
            }
            paths.add("/api/tribunes/" + slug);
        }
        for (Facet author : app.getBean(Authors.class).findAll()) {
            paths.add("/auteurs/" + author.slug());
            paths.add("/auteurs/" + author.slug() + "/flux.atom");
        }
        for (Facet theme : app.getBean(Topics.class).findAll()) {
            paths.add("/themes/" + theme.slug());
            paths.add("/themes/" + theme.slug() + "/flux.atom");
        }
        for (Facet organisation : app.getBean(Organisations.class).findAll()) {
            paths.add("/organisations/" + organisation.slug());
        }
        return paths;
    }

    /**
     * The page without the comment form's signed token: it says when the form was rendered and is signed with each
     * archive's own key, so it differs by design (the ETag leaves it out for the same reason). Nothing else is
     * touched: the comparison stays byte for byte.
     */
    static byte[] withoutFormToken(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.replaceAll("value=\"[^\"]*\"(?=\\s+data-etag-exempt)", "value=\"\"")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static Map<String, Fetched> fetch(ConfigurableApplicationContext app, List<String> paths) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Fetched> pages = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            pages.put(path, new Fetched(response.statusCode(), withoutFormToken(response.body())));
        }
        return pages;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run("--server.port=0", "--tribunes.data-dir=" + dataDir);
    }
}
