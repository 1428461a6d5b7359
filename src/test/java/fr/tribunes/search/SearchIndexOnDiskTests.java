package fr.tribunes.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.TribunesApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
