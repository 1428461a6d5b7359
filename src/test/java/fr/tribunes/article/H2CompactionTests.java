package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.Slow;
import fr.tribunes.TribunesApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The H2 file never reuses space (see application.properties: with reuse, H2 loses acknowledged commits to a kill
 * -9), so every correction makes it grow; the space comes back while the site serves (at the quiet moment
 * {@code tribunes.h2.compact-at} names) and on a clean stop, when most of the file is dead, and the archive is whole
 * afterwards.
 */
@Slow
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
            correct(editor, id, draft.withSlug(slug), "Texte synthétique corrigé, état ", "Correction synthétique ");
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

    @Test
    void whileTheSiteServesTheFileIsCompactedReadersOnlyWaitAndNothingIsLost() throws Exception {
        Path file = dataDir.resolve("tribunes.mv.db");
        ArticleDraft draft = ArticleEditorTests.draft(2, "compaction");
        List<String> answers = new CopyOnWriteArrayList<>();
        String slug;
        // A quiet moment every second: the file is compacted whenever less than half of it is live.
        try (ConfigurableApplicationContext app = start("--tribunes.h2.compact-at=* * * * * *")) {
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            String site = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            long id = editor.create(draft, "test");
            editor.publish(id, "test");
            slug = editor.find(id).orElseThrow().slug();
            // What the new archive created in its data directory (database, search index, rendered pages) is private.
            try (var entries = Files.list(dataDir)) {
                assertThat(entries.toList())
                        .isNotEmpty()
                        .allSatisfy(
                                entry -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
                                        .as(entry.toString())
                                        .isIn("rw-------", "rwx------"));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    for (String path : List.of("/tribunes/" + slug + "/historique", "/recherche?q=compaction")) {
                        answers.add(path + " " + status(site + path));
                    }
                }
            });
            reader.start();
            correct(
                    editor,
                    id,
                    draft.withSlug(slug),
                    "Texte synthétique corrigé en ligne, état ",
                    "Correction en ligne ");
            // Without compaction, the corrections alone would have grown the file by more than this (see above).
            long bound = CORRECTIONS * 4096L;
            for (int waited = 0; Files.size(file) >= bound && waited < 100; waited++) {
                Thread.sleep(100);
            }
            writing.set(false);
            reader.join();

            assertThat(Files.size(file)).isLessThan(bound);
            assertThat(answers).isNotEmpty().allMatch(answer -> answer.endsWith(" 200"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(get(site + "/tribunes/" + slug + ".md"))
                    .contains("Texte synthétique corrigé en ligne, état " + CORRECTIONS + ".");
        }
        try (ConfigurableApplicationContext app = start()) {
            String port = app.getEnvironment().getProperty("local.server.port");
            assertThat(get("http://localhost:" + port + "/tribunes/" + slug + "/historique"))
                    .contains("Correction en ligne 1<")
                    .contains("Correction en ligne " + CORRECTIONS + "<");
        }
    }

    /** Saves {@link #CORRECTIONS} corrections: text {@code text + n + "."}, reason {@code reason + n}. */
    private static void correct(ArticleEditor editor, long id, ArticleDraft draft, String text, String reason)
            throws Exception {
        for (int n = 1; n <= CORRECTIONS; n++) {
            editor.save(
                    id, editor.find(id).orElseThrow().version(), draft.withText(text + n + "."), reason + n, "test");
        }
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tribunes.data-dir=" + dataDir));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(TribunesApplication.class).run(args.toArray(String[]::new));
    }

    private static int status(String address) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String get(String address) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(address).isEqualTo(200);
        return answer.body();
    }
}
