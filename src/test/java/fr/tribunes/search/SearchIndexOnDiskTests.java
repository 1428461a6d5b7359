package fr.tribunes.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.EditorSession;
import fr.tribunes.SeedTribune;
import fr.tribunes.Slow;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.search.internal.FrenchAnalysis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The index on disk, as the application keeps it by default: kept across restarts, rebuilt when outdated, caught up
 * after a crash or a failed update.
 */
@Slow
@ExtendWith(OutputCaptureExtension.class)
class SearchIndexOnDiskTests {

    @TempDir
    Path dataDir;

    @Test
    void anIndexBuiltByAnotherVersionOfTheAnalysisIsRebuiltAtStartUp(CapturedOutput output) throws Exception {
        Path marker = dataDir.resolve("index").resolve("analysis-version");
        try (ConfigurableApplicationContext app = start()) {
            assertThat(search(app, "numergy")).contains(SeedTribune.PATH);
        }
        assertThat(Files.readString(marker).strip()).isEqualTo(FrenchAnalysis.VERSION);

        Files.writeString(marker, "1\n");
        try (ConfigurableApplicationContext app = start()) {
            assertThat(output).contains("was built by analysis version 1, this is " + FrenchAnalysis.VERSION);
            assertThat(search(app, "l'etat")).contains(SeedTribune.PATH);
        }
        assertThat(Files.readString(marker).strip()).isEqualTo(FrenchAnalysis.VERSION);
    }

    @Test
    void afterACrashTheOpEdsWhoseLastChangeMissedTheIndexAreIndexedAgain(CapturedOutput output) throws Exception {
        Path inUse = dataDir.resolve("index").resolve("in-use");
        try (ConfigurableApplicationContext app = start()) {
            assertThat(inUse).exists();
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            long id = editor.create(SyntheticArticles.draft(1), "test");
            editor.publish(id, "test");
            assertThat(search(app, "paragraphe")).contains(SyntheticArticles.slug(1));
        }
        // A clean stop leaves nothing to catch up on.
        assertThat(inUse).doesNotExist();

        // As if the process had been killed after a correction was committed to the database and before it reached
        // the index: the file left behind, the database one version ahead, as many op-eds on both sides.
        Files.writeString(inUse, "1\n");
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("tribunes"), "sa", "");
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("update article_block set body = 'Paragraphe synthétique corrigé,"
                            + " zorglubien.' where article_id = (select id from article where slug = '"
                            + SyntheticArticles.slug(1) + "')"))
                    .isEqualTo(1);
            statement.executeUpdate(
                    "update article set version = version + 1 where slug = '" + SyntheticArticles.slug(1) + "'");
        }
        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start()) {
            String log = output.getOut().substring(before);
            assertThat(log).contains("The last run did not stop cleanly: 1 op-eds indexed again");
            assertThat(log).doesNotContain("rebuilding it");
            assertThat(search(app, "zorglubien")).contains(SyntheticArticles.slug(1));
            assertThat(search(app, "paragraphe")).contains(SyntheticArticles.slug(1));
        }
    }

    @Test
    void anUpdateThatFailsLeavesTheIndexBehindUntilItCatchesUp(CapturedOutput output) throws Exception {
        Path index = dataDir.resolve("index");
        Path behind = index.resolve("behind");
        String slug = SyntheticArticles.slug(1);
        try (ConfigurableApplicationContext app = start()) {
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            MockMvcTester backOffice = backOffice(app);
            long id = editor.create(SyntheticArticles.draft(1), "test");
            editor.publish(id, "test");
            assertThat(readiness(app)).isEqualTo(200);

            try (BrokenIndex broken = new BrokenIndex(index)) {
                // The correction is saved all the same; only the index misses it.
                correct(editor, id, "Paragraphe corrigé, zorglubien.");
                assertThat(output).contains("Search index update failed (attempt 3 of 3)");
                assertThat(output).contains("the index is behind on op-eds [" + id + "]");
                assertThat(readiness(app)).isEqualTo(503);
                assertThat(behind).hasContent(String.valueOf(id));
                assertThat(page(backOffice, "/admin/tribunes"))
                        .contains("L’index de recherche est en retard\u202f: 1 tribune n’y est pas à jour.")
                        .contains("Rattraper maintenant");
                assertThat(page(backOffice, "/admin/sauvegardes")).contains("L’index de recherche est en retard");

                // The button's form carries a CSRF token, as the other forms of the back office do.
                assertThat(backOffice
                                .post()
                                .uri("/admin/index-de-recherche/rattrapage")
                                .with(EditorSession.signedIn())
                                .exchange())
                        .hasStatus(403);

                // Catching up while the disk is still broken fails, and says so.
                assertThat(catchUp(backOffice))
                        .contains("Le rattrapage a échoué\u202f: l’index de recherche reste en retard.")
                        .contains("1 tribune n’y est pas à jour");
                assertThat(readiness(app)).isEqualTo(503);
            }
            assertThat(search(app, "zorglubien")).doesNotContain(slug);
            assertThat(catchUp(backOffice))
                    .contains("L’index de recherche est à jour.")
                    .doesNotContain("en retard");
            assertThat(search(app, "zorglubien")).contains(slug);
            assertThat(readiness(app)).isEqualTo(200);
            assertThat(behind).doesNotExist();

            // It fails again; this time the application is stopped cleanly before anyone catches up.
            try (BrokenIndex broken = new BrokenIndex(index)) {
                correct(editor, id, "Paragraphe corrigé encore, xylophonique.");
                assertThat(readiness(app)).isEqualTo(503);
            }
        }
        assertThat(index.resolve("in-use")).doesNotExist();
        assertThat(behind).exists();

        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start()) {
            String log = output.getOut().substring(before);
            assertThat(log).contains("The last run left the search index behind: 1 op-eds indexed again");
            assertThat(log).doesNotContain("rebuilding it");
            assertThat(search(app, "xylophonique")).contains(slug);
            assertThat(readiness(app)).isEqualTo(200);
            assertThat(page(backOffice(app), "/admin/tribunes")).doesNotContain("en retard");
        }
        assertThat(behind).doesNotExist();
    }

    /**
     * The disk under the index failing, for real: the index's folder replaced by a file while the application runs
     * (as a volume gone or mounted read-only would), put back on close.
     */
    private static final class BrokenIndex implements AutoCloseable {

        private final Path folder;

        private final Path aside;

        BrokenIndex(Path index) throws IOException {
            this.folder = index.resolve("article");
            this.aside = index.resolve("article.aside");
            Files.move(folder, aside);
            Files.writeString(folder, "not an index\n");
        }

        @Override
        public void close() throws IOException {
            Files.delete(folder);
            Files.move(aside, folder);
        }
    }

    private static void correct(ArticleEditor editor, long id, String text) throws Exception {
        ArticleEditor.Edited edited = editor.find(id).orElseThrow();
        editor.save(id, edited.version(), edited.draft().withText(text), "Correction de test.", "test");
    }

    static MockMvcTester backOffice(ConfigurableApplicationContext app) {
        return MockMvcTester.create(MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build());
    }

    static String page(MockMvcTester backOffice, String path) throws Exception {
        var result = backOffice.get().uri(path).with(EditorSession.signedIn()).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** « Rattraper maintenant », then the page it leads to, as the editor's browser follows it. */
    static String catchUp(MockMvcTester backOffice) throws Exception {
        var result = backOffice
                .post()
                .uri("/admin/index-de-recherche/rattrapage")
                .with(EditorSession.signedIn())
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/tribunes");
        var next = backOffice
                .get()
                .uri("/admin/tribunes")
                .session((MockHttpSession) result.getRequest().getSession())
                .exchange();
        assertThat(next).hasStatusOk();
        return next.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The readiness probe's status, as an anonymous orchestrator gets it; it never says why. */
    static int readiness(ConfigurableApplicationContext app) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("searchIndex").doesNotContain("behind");
        return response.statusCode();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run(
                        "--server.port=0",
                        "--tribunes.data-dir=" + dataDir,
                        "--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem");
    }

    static String search(ConfigurableApplicationContext app, String query) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recherche?q="
                                        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
