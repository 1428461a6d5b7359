package fr.tribunes.feed;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed op-ed's citation files as real reference software reads them: pandoc's citeproc (Debian's pandoc, its
 * default Chicago author-date style) and citation-js with citeproc-js (npm, an APA reference), as a researcher's
 * tools would. What each prints is what a reader of a thesis citing the op-ed sees: the author sorted under
 * « Vrangos », an article in a magazine (not a journal), the date given as approximate where the reader can take it,
 * and no archive shelf mark printed as an address. What a reader cannot take is asserted as it is, so that a
 * better reader shows here as a failing test rather than as nothing.
 *
 * <p>Needs pandoc ({@code apt-get install pandoc}) and the npm packages the full profile installs; runs with
 * {@code -Pfull} (tag {@code readers}).
 */
@Tag("readers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class CitationReadersTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private Path folder;

    private final Map<String, Path> files = new HashMap<>();

    @BeforeAll
    void download() throws Exception {
        folder = Files.createTempDirectory("citations");
        for (String format : List.of("bib", "ris", "json")) {
            String body = mvc.get()
                    .uri(SeedTribune.PATH + "/citation." + format)
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Path file = folder.resolve("seed." + format);
            Files.writeString(file, body);
            files.put(format, file);
        }
    }

    /** What a program printed on its standard output; fails on a non-zero exit. */
    private static String run(Map<String, String> environment, String stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s ends", command[0])
                .isTrue();
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    /** pandoc's reference list for one bibliography file, on one line. */
    private String pandoc(String format) throws Exception {
        String document = "---\nnocite: \"@*\"\n---\n";
        String printed = run(
                Map.of(),
                document,
                "pandoc",
                "--citeproc",
                "--bibliography=" + files.get(format),
                "--wrap=none",
                "-t",
                "plain");
        return printed.strip();
    }

    /** citation-js's reading of each file: the CSL-JSON item and the APA reference citeproc-js formats from it. */
    private Map<String, JsonNode> citationJs() throws Exception {
        Path script = Path.of("src/test/resources/citations/read.js").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        for (String format : List.of("bib", "ris", "json")) {
            command.add(files.get(format).toString());
        }
        String printed = run(
                Map.of("NODE_PATH", System.getProperty("node.modules", "target/npm/node_modules")),
                "",
                command.toArray(String[]::new));
        Map<String, JsonNode> read = new HashMap<>();
        for (String line : printed.strip().split("\n")) {
            JsonNode result = JSON.readTree(line);
            String file = result.path("file").asString();
            read.put(file.substring(file.lastIndexOf('.') + 1), result);
        }
        return read;
    }

    /** pandoc's reading of a bibliography file, as CSL-JSON ({@code pandoc -f biblatex -t csljson}). */
    private JsonNode pandocReads(String format, String inputFormat) throws Exception {
        return JSON.readTree(
                        run(Map.of(), "", "pandoc", files.get(format).toString(), "-f", inputFormat, "-t", "csljson"))
                .get(0);
    }

    @Test
    void pandocReadsAMagazineArticleByVrangosDatedAboutOctober2015() throws Exception {
        JsonNode bib = pandocReads("bib", "biblatex");
        assertThat(bib.path("type").asString()).isEqualTo("article-magazine");
        assertThat(bib.path("author").get(0).path("family").asString()).isEqualTo("Vrangos");
        assertThat(bib.path("author").get(0).path("given").asString()).isEqualTo("Théodore Michel");
        assertThat(bib.path("issued").path("circa").asBoolean())
                .as("EDTF 2015-10~ read as approximate")
                .isTrue();
        assertThat(bib.path("issued").path("date-parts").get(0).size()).isEqualTo(2);

        for (String format : List.of("bib", "json")) {
            assertThat(pandoc(format))
                    .as("pandoc's Chicago reference, from the %s file", format)
                    .startsWith("Vrangos, Théodore Michel. 2015.")
                    .contains("La Revue du Digital, October 2015.")
                    .doesNotContain("Http://", "localhost");
        }
    }

    @Test
    void citationJsReadsTheNameSplitAndTheKindOfPeriodical() throws Exception {
        Map<String, JsonNode> read = citationJs();
        for (String format : List.of("bib", "ris", "json")) {
            JsonNode item = read.get(format).path("items").get(0);
            assertThat(item.path("author").get(0).path("family").asString())
                    .as("family name read from %s", format)
                    .isEqualTo("Vrangos");
            assertThat(item.path("author").get(0).path("given").asString())
                    .as("given names read from %s", format)
                    .isEqualTo("Théodore Michel");
            assertThat(item.path("container-title").asString()).isEqualTo("La Revue du Digital");
            assertThat(item.path("issued").path("date-parts").get(0).size()).isEqualTo(2);
        }
        assertThat(read.get("ris").path("items").get(0).path("type").asString()).isEqualTo("article-magazine");
        assertThat(read.get("json").path("items").get(0).path("type").asString())
                .isEqualTo("article-magazine");
        // citation-js reads BibLaTeX's entrysubtype as the genre of a journal article: APA prints « [Magazine] ».
        JsonNode bib = read.get("bib").path("items").get(0);
        assertThat(bib.path("genre").asString()).isEqualTo("magazine");
        // Only CSL carries the approximate date to citation-js (it reads neither EDTF's « ~ » nor RIS's note).
        assertThat(read.get("json")
                        .path("items")
                        .get(0)
                        .path("issued")
                        .path("circa")
                        .asBoolean())
                .isTrue();
        assertThat(read.get("json").path("apa").asString()).startsWith("Vrangos, T. M. (ca. 2015, October).");
        assertThat(read.get("ris").path("apa").asString()).startsWith("Vrangos, T. M. (2015, October).");
    }
}
