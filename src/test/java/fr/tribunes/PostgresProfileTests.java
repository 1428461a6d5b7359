package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code postgres} profile as the README documents it: the database's address, user and password come from
 * {@code TRIBUNES_DB_*}, and the same migrations set it up.
 */
class PostgresProfileTests {

    @Test
    void thePostgresProfileServesTheArchiveFromTheConfiguredDatabase() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(TribunesApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.profiles.active=postgres",
                                "--TRIBUNES_SITE_URL=https://tribunes.example",
                                "--TRIBUNES_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                                "--TRIBUNES_DB_USER=postgres",
                                "--TRIBUNES_DB_PASSWORD=postgres")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + SeedTribune.PATH))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Numergy en procédure de sauvegarde");
            assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:postgresql:");
        }
    }
}
