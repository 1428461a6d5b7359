package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default storage is a file: what the archive holds is still there after the server restarts. */
class RestartTests {

    @TempDir
    Path dataDir;

    @Test
    void whatTheArchiveHoldsSurvivesARestart() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            new SyntheticArticles(app.getBean(JdbcTemplate.class)).add(1, LocalDate.of(2020, 3, 4), "pme");
            assertThat(get(app, "/tribunes/" + SyntheticArticles.slug(1)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(Files.list(dataDir))
                .anySatisfy(file -> assertThat(file.getFileName().toString()).startsWith("tribunes"));

        try (ConfigurableApplicationContext app = start()) {
            HttpResponse<String> synthetic = get(app, "/tribunes/" + SyntheticArticles.slug(1));
            assertThat(synthetic.statusCode()).isEqualTo(200);
            assertThat(synthetic.body()).contains(SyntheticArticles.title(1));
            assertThat(get(app, SeedTribune.PATH).statusCode()).isEqualTo(200);
            // The migrations ran once: the seed was not inserted a second time.
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from article", Long.class))
                    .isEqualTo(2L);
        }
    }

    private ConfigurableApplicationContext start() {
        // As command-line arguments, the way a user would pass them: they outrank application.properties.
        return new SpringApplicationBuilder(TribunesApplication.class)
                .run("--server.port=0", "--tribunes.data-dir=" + dataDir);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
