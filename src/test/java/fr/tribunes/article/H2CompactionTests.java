package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.TribunesApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The H2 file never reuses space (see application.properties: with reuse, H2 loses acknowledged commits to a kill
 * -9), so every correction makes it grow; a clean stop gives the space back when most of the file is dead, and the
 * archive is whole afterwards.
 */
class H2CompactionTests {

    private static final int CORRECTIONS = 150;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aCleanStopGivesBackTheSpaceOfManyCorrectionsAndKeepsTheLast() throws Exception {
        Path file = dataDir.resolve("tribunes.mv.db");
        ArticleDraft draft = ArticleEditorTests.draft(1, "compaction");
        String slug;
        long grown;
        long before;
        try (ConfigurableApplicationContext app = start()) {
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            long id = editor.create(draft, "test");
            editor.publish(id, "test");
            slug = editor.find(id).orElseThrow().slug();
            before = Files.size(file);
            for (int n = 1; n <= CORRECTIONS; n++) {
                editor.save(
                        id,
                        editor.find(id).orElseThrow().version(),
                        draft.withSlug(slug).withText("Texte synthétique corrigé, état " + n + "."),
                        "Correction synthétique " + n,
                        "test");
            }
            grown = Files.size(file);
        }
        long compacted = Files.size(file);

        // Each correction appended to the file; the stop gave most of it back.
        assertThat(grown - before).isGreaterThan(CORRECTIONS * 4096L);
        assertThat(compacted).isLessThan(grown / 2);
        try (ConfigurableApplicationContext app = start()) {
            String port = app.getEnvironment().getProperty("local.server.port");
            String page = get("http://localhost:" + port + "/tribunes/" + slug + ".md");
            String history = get("http://localhost:" + port + "/tribunes/" + slug + "/historique");

            assertThat(page).contains("Texte synthétique corrigé, état " + CORRECTIONS + ".");
            assertThat(history)
                    .contains("Correction synthétique 1<")
                    .contains("Correction synthétique " + CORRECTIONS + "<");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run("--server.port=0", "--tribunes.data-dir=" + dataDir);
    }

    private static String get(String address) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(address).isEqualTo(200);
        return answer.body();
    }
}
