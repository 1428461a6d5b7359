package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * Two instances of the archive on one PostgreSQL database, as {@code deploy/README.md} runs them behind a load
 * balancer: what an editor does through one instance is what readers get from the other within a few milliseconds
 * (the other reads the archive's stamp at most every 5 ms, for all its requests together), including on
 * pages the other has already served (and so might have kept), and conditional requests carrying what the other
 * sent before the edit get the new page, not 304. The op-ed is synthetic and says so.
 */
@Slow
class TwoInstancesTests {

    static EmbeddedPostgres postgres;

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstancesOnOneDatabase(@TempDir Path dataDirs) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        first = start(dataDirs.resolve("first"));
        second = start(dataDirs.resolve("second"));
    }

    /** An instance with the {@code postgres} profile, configured as the README says, on a port of its own. */
    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=postgres",
                        "--TRIBUNES_SITE_URL=https://tribunes.example",
                        "--TRIBUNES_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--TRIBUNES_DB_USER=postgres",
                        "--TRIBUNES_DB_PASSWORD=postgres",
                        "--tribunes.data-dir=" + dataDir);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ArticleDraft draft(String sentence) {
        return new ArticleDraft(
                "Tribune synthétique n° 2001 (données de test, deux instances)",
                "",
                "Chapô synthétique.",
                sentence + "\n\nDeuxième paragraphe synthétique.",
                "2024-03",
                false,
                null,
                "Média synthétique",
                "https://example.org/tribune-2001",
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique 2001", null, "Rôle synthétique", "Organisation synthétique 2001", null)),
                List.of("Thème synthétique 2001"),
                List.of());
    }

    /**
     * How long an instance may take to learn of another's edit: it reads the archive's stamp at most every
     * {@code tribunes.archive-version.max-age-ms} (5 ms by default) for all its requests together.
     */
    static void learnt() throws InterruptedException {
        Thread.sleep(10);
    }

    @Test
    void whatAnEditorChangesThroughOneInstanceTheOtherServesWithinMilliseconds() throws Exception {
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        long id = editor.create(draft("Premier état synthétique du texte."), "test");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        assertThat(get(second, path).statusCode()).isEqualTo(404);
        assertThat(get(second, "/").body()).doesNotContain(path);

        editor.publish(id, "test");
        learnt();

        HttpResponse<String> published = get(second, path);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("Premier état synthétique du texte.");
        assertThat(get(second, "/").body()).contains(path);
        assertThat(get(second, "/themes/theme-synthetique-2001").body()).contains(path);
        assertThat(get(second, "/flux.atom").body()).contains("Premier état synthétique du texte.");
        String etag = published.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        String lastModified =
                published.headers().firstValue(HttpHeaders.LAST_MODIFIED).orElseThrow();
        // Before the correction, the second instance answers its own validators with 304.
        assertThat(get(second, path, HttpHeaders.IF_NONE_MATCH, etag).statusCode())
                .isEqualTo(304);
        assertThat(get(second, path, HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .statusCode())
                .isEqualTo(304);

        editor.save(
                id,
                editor.find(id).orElseThrow().version(),
                draft("Second état synthétique du texte."),
                "Correction synthétique",
                "test");
        learnt();

        HttpResponse<String> corrected = get(second, path);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body())
                .contains("Second état synthétique du texte.")
                .doesNotContain("Premier état synthétique du texte.");
        assertThat(get(second, "/flux.atom").body())
                .contains("Second état synthétique du texte.")
                .doesNotContain("Premier état synthétique du texte.");
        assertThat(get(second, path + "/historique").body()).contains("Correction synthétique");
        // A browser or a CDN revalidating what the second instance sent before the edit gets the new page.
        HttpResponse<String> revalidated = get(second, path, HttpHeaders.IF_NONE_MATCH, etag);
        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(revalidated.body()).contains("Second état synthétique du texte.");
        assertThat(get(second, path, HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                        .statusCode())
                .isEqualTo(200);

        editor.unpublish(id);
        learnt();

        assertThat(get(second, path).statusCode()).isEqualTo(404);
        assertThat(get(second, "/").body()).doesNotContain(path);
    }
}
