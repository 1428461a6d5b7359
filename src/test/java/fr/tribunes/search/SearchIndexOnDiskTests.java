package fr.tribunes.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleEditor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** The index on disk, as the application keeps it by default: kept across restarts, rebuilt when outdated. */
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run(
                        "--server.port=0",
                        "--tribunes.data-dir=" + dataDir,
                        "--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem");
    }

    private static String search(ConfigurableApplicationContext app, String query) throws Exception {
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
