package fr.tribunes.exchange;

import fr.tribunes.storage.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * A backup of the archive in one folder: the whole database, as the database itself dumps it (editors' accounts,
 * comments, revisions, former addresses, the comment forms' key: everything), and the Markdown export of the
 * op-eds, which people and other programs can read. The database dump is what a restore brings back; the search
 * index is not saved, it is rebuilt from the database.
 *
 * <p>On H2 the dump is {@code SCRIPT TO … COMPRESSION GZIP}: SQL text, readable by later versions of H2 too,
 * taken by the database while it serves. On PostgreSQL it is {@code pg_dump --format=custom}, run as a separate
 * program.
 */
@Service
class ArchiveBackup {

    /** The folder, inside a backup, holding the database's dump. */
    static final String DATABASE = "base";

    /** The H2 dump: SQL, gzipped. */
    static final String H2_DUMP = "tribunes.sql.gz";

    /** The PostgreSQL dump, in pg_dump's custom format (for pg_restore). */
    static final String POSTGRES_DUMP = "tribunes.pgdump";

    /** The folder, inside a backup, holding the Markdown export. */
    static final String EXPORT = "export";

    /** What a backup holds and how to restore it, for whoever finds the folder. */
    static final String README = "LISEZMOI.txt";

    private final DataSource dataSource;

    private final ArchiveExchange exchange;

    private final String url;

    private final String username;

    private final String password;

    private final Clock clock;

    ArchiveBackup(
            DataSource dataSource,
            ArchiveExchange exchange,
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            Clock clock) {
        this.dataSource = dataSource;
        this.exchange = exchange;
        this.url = url;
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    /** What a backup wrote: where, and what its manifest says. */
    record Written(Path folder, BackupManifest manifest) {}

    /** A backup that could not be made, and why, in French. */
    static final class BackupRefusedException extends Exception {

        BackupRefusedException(String reason) {
            super(reason);
        }
    }

    /** The name a backup has while it is written: hidden, beside where it will be, never mistaken for one. */
    static final String PARTIAL = ".partielle-";

    /**
     * Writes a backup into {@code folder}, which must be missing or empty: a backup never mixes with other files.
     *
     * <p>It is written aside, in a hidden folder beside {@code folder} ({@code .<name>.partielle-…}), and takes its
     * name only once complete, its manifest written last ({@link BackupManifest}): a backup that fails, or a process
     * stopped in the middle, never leaves anything that looks like a backup. On failure the hidden folder is
     * removed. Every folder and file is owner-only.
     */
    Written backup(Path folder, TaskProgress progress)
            throws BackupRefusedException, IOException, InterruptedException {
        folder = folder.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new BackupRefusedException(folder + " existe et n’est pas un dossier.");
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.findAny().isPresent()) {
                    throw new BackupRefusedException(
                            folder + " n’est pas vide : sauvegardez dans un dossier vide ou nouveau.");
                }
            }
        }
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new BackupRefusedException("la base de données ne répond pas (" + e.getMessage() + ").");
        }
        if (!"H2".equals(product) && !"PostgreSQL".equals(product)) {
            throw new BackupRefusedException("base de données non prise en charge : " + product + ".");
        }
        // The folder the backup goes into is created if missing, but not changed: it may be shared (/tmp).
        Path parent = Files.createDirectories(folder.getParent());
        Path partial = parent.resolve("." + folder.getFileName() + PARTIAL + Long.toHexString(System.nanoTime()));
        PrivateFiles.createFolder(partial);
        boolean done = false;
        try {
            String createdAt = clock.instant().toString();
            Path base = PrivateFiles.createFolder(partial.resolve(DATABASE));
            progress.stage("Copie de la base de données", 0);
            Path database;
            if ("H2".equals(product)) {
                database = base.resolve(H2_DUMP);
                dumpH2(database);
            } else {
                database = base.resolve(POSTGRES_DUMP);
                dumpPostgres(database);
            }
            PrivateFiles.restrict(database);
            ArchiveExchange.ExportCounts counts;
            try {
                counts = exchange.export(partial.resolve(EXPORT), progress);
            } catch (ArchiveExchange.ExportRefusedException e) {
                // The folder is new: this cannot happen, but say so rather than hide it.
                throw new BackupRefusedException(e.getMessage());
            }
            PrivateFiles.write(
                    partial.resolve(README), readme(database.getFileName().toString()));
            BackupManifest manifest = BackupManifest.write(
                    partial,
                    new BackupManifest.Contents(
                            createdAt, product, database, counts.published(), counts.drafts(), counts.facets()),
                    progress);
            progress.stage("Mise en place", 0);
            Files.deleteIfExists(folder);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new Written(folder, manifest);
        } catch (RuntimeException e) {
            throw new BackupRefusedException("la lecture de l’archive a échoué ("
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + ").");
        } finally {
            if (!done) {
                delete(partial);
            }
        }
    }

    /** The same, without anyone following its progress. */
    Written backup(Path folder) throws BackupRefusedException, IOException, InterruptedException {
        return backup(folder, TaskProgress.NONE);
    }

    /** Deletes a folder and what it holds; what cannot be deleted is left. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Left: the folder's name says it is partial; the next listing ignores it.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }

    /** H2 writes its own SQL dump, in one consistent read, while the application goes on serving. */
    private void dumpH2(Path file) throws BackupRefusedException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT TO " + literal(file.toString()) + " COMPRESSION GZIP");
        } catch (SQLException e) {
            throw new BackupRefusedException("H2 n’a pas pu écrire la sauvegarde (" + e.getMessage() + ").");
        }
    }

    /** PostgreSQL's own dump tool, with the application's connection settings. */
    private void dumpPostgres(Path file) throws BackupRefusedException, IOException, InterruptedException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new BackupRefusedException("adresse de base PostgreSQL inattendue : " + url + ".");
        }
        List<String> command = new ArrayList<>(List.of(
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file=" + file,
                // libpq takes the JDBC address without its prefix (jdbc:postgresql://host:port/base?…).
                "--dbname=" + url.substring("jdbc:".length())));
        // Its messages go to a file, not a pipe: reading a pipe to its end would wait for a hung pg_dump forever,
        // before the time limit below could stop it.
        Path messages = Files.createTempFile("tribunes-pg_dump-", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(messages.toFile());
        Map<String, String> environment = builder.environment();
        if (!username.isBlank()) {
            environment.put("PGUSER", username);
        }
        if (!password.isEmpty()) {
            environment.put("PGPASSWORD", password);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(messages);
            throw new BackupRefusedException("pg_dump est introuvable : installez le client PostgreSQL (paquet "
                    + "postgresql-client) dans la version du serveur, ou sauvegardez la base vous-même avec pg_dump.");
        }
        try {
            if (!process.waitFor(1, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new BackupRefusedException("pg_dump n’a pas fini en une heure : sauvegarde abandonnée.");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(messages, StandardCharsets.UTF_8);
                throw new BackupRefusedException("pg_dump a échoué : " + output.strip());
            }
        } finally {
            Files.deleteIfExists(messages);
        }
    }

    private static String readme(String dump) {
        return """
                Sauvegarde de Tribunes

                %s/%s : la base de données entière (tribunes, brouillons, révisions, anciennes adresses,
                commentaires, comptes des éditeurs avec l’empreinte de leur mot de passe, clé des formulaires de
                commentaire). C’est elle que la restauration rétablit.
                %s/ : les tribunes en Markdown et facettes.yaml, lisibles sans Tribunes ; copie de lecture.
                L’index de recherche n’est pas sauvegardé : il est reconstruit au démarrage.

                manifest.json : ce que la sauvegarde contient (tribunes publiées, brouillons, facettes, fichiers) ;
                SHA256SUMS : l’empreinte SHA-256 de chaque fichier. La restauration les vérifie d’abord ; sans
                Tribunes :
                  cd <ce dossier> && sha256sum -c --quiet SHA256SUMS

                Restaurer (H2), dans un dossier de données vide ou nouveau :
                  java -jar tribunes.jar restore <ce dossier> --tribunes.data-dir=<dossier de données>
                Restaurer (PostgreSQL), dans une base vide :
                  pg_restore --no-owner --dbname=<base> %s/%s
                """.formatted(DATABASE, dump, EXPORT, DATABASE, POSTGRES_DUMP);
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
