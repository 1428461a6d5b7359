package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.Slow;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code import} and {@code export} commands as an editor runs them: arguments, messages, exit status. */
@Slow
class ExchangeCommandTests {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String SYNTHETIC = """
            ---
            title: %s
            slug: %s
            date: 2020-06-15
            authors:
            - Auteur synthétique E
            ---

            Paragraphe synthétique, écrit pour les tests.
            """.formatted(SyntheticArticles.title(50), SyntheticArticles.slug(50));

    private static final String BAD_DATE = """
            ---
            title: %s
            date: 2015-13-45
            authors:
            - Auteur synthétique E
            ---

            Paragraphe synthétique, écrit pour les tests.
            """.formatted(SyntheticArticles.title(51));

    @Test
    void aWordPressExportAndAnAddressRefusedFromTheCommandLine() throws Exception {
        Path data = temp.resolve("data");
        Path wxr = Path.of("src/test/resources/imports/wordpress/seed-post-only.xml");

        assertThat(run("--tribunes.data-dir=" + data, "import", wxr.toString(), "http://169.254.169.254/latest/"))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(out()).contains(wxr + " : 1 brouillon créé, capture n° 1 gardée.");
        assertThat(err()).contains("http://169.254.169.254/latest/ : L’adresse 169.254.169.254 mène à un réseau privé");
    }

    @Test
    void exportThenImportFromTheCommandLine() throws Exception {
        Path data = temp.resolve("data");
        Path export = temp.resolve("export");

        assertThat(run("export", export.toString(), "--tribunes.data-dir=" + data))
                .isEqualTo(ExchangeCommand.SUCCESS);
        assertThat(out()).contains("Export : 1 tribune et facettes.yaml écrits dans " + export + ".");
        assertThat(names(export)).containsExactlyInAnyOrder(SeedTribune.SLUG + ".md", "facettes.yaml");

        // The export, an op-ed more and a bad one: the bad one is refused, the others go in.
        Path imports = temp.resolve("imports");
        Files.createDirectories(imports);
        for (String name : names(export)) {
            Files.copy(export.resolve(name), imports.resolve(name));
        }
        Files.writeString(imports.resolve("nouvelle.md"), SYNTHETIC);
        Files.writeString(imports.resolve("mauvaise-date.md"), BAD_DATE);
        assertThat(run("--tribunes.data-dir=" + data, "import", imports.toString()))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err())
                .contains(imports.resolve("mauvaise-date.md") + ", ligne 3 : « 2015-13-45 » n’est pas une date");
        assertThat(out())
                .containsPattern("Facettes : 0 créée, 0 mise à jour, [0-9]+ inchangées\\.")
                .contains("Tribunes : 1 créée, 0 mise à jour, 1 inchangée, 1 refusée.");

        // A previous export is overwritten, and the new op-ed added.
        assertThat(run("export", export.toString(), "--tribunes.data-dir=" + data))
                .isEqualTo(ExchangeCommand.SUCCESS);
        assertThat(out()).contains("Export : 2 tribunes et facettes.yaml écrits dans " + export + ".");
        assertThat(names(export)).contains(SyntheticArticles.slug(50) + ".md");
        assertThat(Files.readString(export.resolve("facettes.yaml"))).contains("auteur-synthetique-e");

        // A folder holding anything else is left alone.
        Files.writeString(export.resolve("notes.txt"), "Notes synthétiques.");
        Files.delete(export.resolve(SyntheticArticles.slug(50) + ".md"));
        Files.writeString(export.resolve("ancienne-adresse.md"), SYNTHETIC);
        assertThat(run("export", export.toString(), "--tribunes.data-dir=" + data))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err()).contains("Export refusé : ", "(ancienne-adresse.md, notes.txt)");
        assertThat(names(export)).doesNotContain(SyntheticArticles.slug(50) + ".md");
    }

    @Test
    void aCommandLineNotUnderstoodDoesNothing() throws Exception {
        assertThat(run("import")).isEqualTo(ExchangeCommand.USAGE);
        assertThat(err())
                .startsWith("Usage :")
                .contains("import <fichier-ou-dossier-ou-adresse>...", "export <dossier>");
        assertThat(run("export")).isEqualTo(ExchangeCommand.USAGE);
        assertThat(run("export", "a", "b")).isEqualTo(ExchangeCommand.USAGE);
        Path missing = temp.resolve("absent.md");
        assertThat(run("import", missing.toString())).isEqualTo(ExchangeCommand.USAGE);
        assertThat(err()).isEqualTo(missing + " : fichier ou dossier introuvable.\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void onlyImportAndExportAreCommandsTheRestStartsTheSite() {
        assertThat(ExchangeCommand.isCommand("import", "dossier")).isTrue();
        assertThat(ExchangeCommand.isCommand("--tribunes.data-dir=/x", "export", "dossier"))
                .isTrue();
        assertThat(ExchangeCommand.isCommand()).isFalse();
        assertThat(ExchangeCommand.isCommand("--server.port=9000")).isFalse();
        assertThat(ExchangeCommand.isCommand("--import")).isFalse();
    }

    /** The real thing: {@code main} in a process of its own, whose exit status is the command's. */
    @Test
    void mainExitsWithTheCommandsStatus() throws Exception {
        Ended usage = java("export");
        assertThat(usage.status()).isEqualTo(ExchangeCommand.USAGE);
        assertThat(usage.err()).startsWith("Usage :");

        Path folder = Files.createDirectories(temp.resolve("tribunes"));
        Files.writeString(folder.resolve("nouvelle.md"), SYNTHETIC);
        Files.writeString(folder.resolve("mauvaise-date.md"), BAD_DATE);
        Ended command = java("import", folder.toString(), "--tribunes.data-dir=" + temp.resolve("data"));
        assertThat(command.status()).as(command.out() + command.err()).isEqualTo(ExchangeCommand.REFUSED);
        assertThat(command.out()).contains("Tribunes : 1 créée, 0 mise à jour, 0 inchangée, 1 refusée.");
        assertThat(command.err()).contains(folder.resolve("mauvaise-date.md") + ", ligne 3 : ");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ExchangeCommand.run(
                TribunesApplication.class,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** A process that has ended: its exit status and what it wrote. */
    private record Ended(int status, String out, String err) {}

    /** Runs the application's main class with the tests' class path, in a process of its own, to its end. */
    private Ended java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                TribunesApplication.class.getName()));
        command.addAll(List.of(args));
        Path stdout = temp.resolve("stdout-" + System.nanoTime());
        Path stderr = temp.resolve("stderr-" + System.nanoTime());
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Still running after five minutes: " + command);
        }
        return new Ended(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
