package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.tribunes.Slow;
import fr.tribunes.exchange.ExchangeRoundTripTests.Fetched;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL backup as the README documents it, with PostgreSQL's own programs: {@code backup} runs the
 * {@code pg_dump} on the {@code PATH} against a real server while the site is up on it; that server is then
 * stopped, and the README's {@code pg_restore} command brings the dump back into an empty database of another server,
 * on which the application gives the same public site byte for byte and lets both editors sign in.
 *
 * <p>{@code pg_dump} and {@code pg_restore} must be installed (Debian's {@code postgresql-client}, which
 * {@code .ci/run} installs) in a version able to dump the embedded server: without them this test fails, saying so.
 */
@Slow
class PostgresBackupRestoreTests {

    /** The database the README's restore command names. */
    private static final String DATABASE = "tribunes";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPgDumpBackupRestoredWithPgRestoreGivesBackTheSameArchive() throws Exception {
        // Said first, rather than after a minute of filling an archive.
        assertThat(run(temp, Map.of(), "pg_dump", "--version")).startsWith("pg_dump (PostgreSQL)");
        assertThat(run(temp, Map.of(), "pg_restore", "--version")).startsWith("pg_restore (PostgreSQL)");

        Path backup = temp.resolve("sauvegarde");
        Path dump = backup.resolve("base/tribunes.pgdump");
        List<String> paths;
        Map<String, Fetched> before;
        try (EmbeddedPostgres original = EmbeddedPostgres.builder().start()) {
            String[] database = settings(original, "postgres");
            try (ConfigurableApplicationContext app = BackupRestoreTests.start(temp.resolve("first"), database)) {
                paths = BackupRestoreTests.fill(app);
                before = ExchangeRoundTripTests.fetch(app, paths);

                // Not stopped first, unlike H2: pg_dump reads the database the site is up and serving from.
                assertThat(command(
                                database, "backup", backup.toString(), "--tribunes.data-dir=" + temp.resolve("first")))
                        .as(err.toString(StandardCharsets.UTF_8))
                        .isEqualTo(ExchangeCommand.SUCCESS);
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .startsWith("Sauvegarde écrite dans " + backup.toAbsolutePath()
                                + " : la base de données (base/tribunes.pgdump) et l’export de 4 tribunes publiées"
                                + " et 1 brouillon ;");
                // The manifest says what pg_dump wrote, with its digest.
                assertThat(BackupManifest.read(backup.toAbsolutePath())
                                .orElseThrow()
                                .dump()
                                .path())
                        .isEqualTo("base/tribunes.pgdump");
                // The command opened the same data directory as the site: the site's search still answers.
                String search = "/recherche?q=synth%C3%A9tique";
                assertThat(ExchangeRoundTripTests.fetch(app, List.of(search))
                                .get(search)
                                .text())
                        .isEqualTo(before.get(search).text());
            }
        }
        // The original server is stopped: from here on, only the backup folder is left of it.
        assertThat(Files.readString(backup.resolve("LISEZMOI.txt")))
                .contains("pg_restore --no-owner --dbname=<base> base/tribunes.pgdump");
        assertThat(backup.resolve("export/facettes.yaml")).exists();
        assertThat(backup.resolve("base/tribunes.sql.gz")).doesNotExist();

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().start()) {
            String[] database = settings(fresh, DATABASE);
            // The restore command only restores H2, and says where to look instead.
            assertThat(command(
                            database, "restore", backup.toString(), "--tribunes.data-dir=" + temp.resolve("refused")))
                    .isEqualTo(ExchangeCommand.REFUSED);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Restauration refusée : cette sauvegarde vient de PostgreSQL : rétablissez-la avec"
                            + " pg_restore (voir le README).\n");

            // The README: create an empty database, then pg_restore, run in the backup folder.
            try (Connection connection = fresh.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            run(
                    backup,
                    Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(fresh.getPort()), "PGUSER", "postgres"),
                    "pg_restore",
                    "--no-owner",
                    "--dbname=" + DATABASE,
                    "base/tribunes.pgdump");

            try (ConfigurableApplicationContext app = BackupRestoreTests.start(temp.resolve("second"), database)) {
                BackupRestoreTests.assertSameArchive(app, paths, before);
            }
        }
        BackupRestoreTests.assertComparedSomething(before);
    }

    /** The {@code postgres} profile on {@code database} of {@code server}, set as the README says. */
    private static String[] settings(EmbeddedPostgres server, String database) {
        return new String[] {
            "--spring.profiles.active=postgres",
            "--TRIBUNES_SITE_URL=https://tribunes.example",
            "--TRIBUNES_DB_URL=" + server.getJdbcUrl("postgres", database),
            "--TRIBUNES_DB_USER=postgres",
            "--TRIBUNES_DB_PASSWORD=postgres"
        };
    }

    /** Runs a command as {@code java -jar tribunes.jar …} would, with the database's settings after its arguments. */
    private int command(String[] database, String... args) {
        return BackupRestoreTests.command(
                out, err, Stream.concat(Stream.of(args), Stream.of(database)).toArray(String[]::new));
    }

    /**
     * Runs one of PostgreSQL's client programs in {@code directory}; returns what it printed. Fails, saying what to
     * install, when the program is not on the {@code PATH}, and with its output when it does not succeed.
     */
    private static String run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(command[0] + " is not on the PATH: this test backs up and restores with PostgreSQL's own"
                    + " programs. Install them: apt-get install postgresql-client (Debian; .ci/run does).");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + " failed:\n" + output)
                .isZero();
        return output;
    }
}
