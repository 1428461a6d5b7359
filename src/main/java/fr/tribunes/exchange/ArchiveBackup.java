package fr.tribunes.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
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

    ArchiveBackup(
            DataSource dataSource,
            ArchiveExchange exchange,
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.dataSource = dataSource;
        this.exchange = exchange;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** What a backup wrote. */
    record Written(Path database, int articles) {}

    /** A backup that could not be made, and why, in French. */
    static final class BackupRefusedException extends Exception {

        BackupRefusedException(String reason) {
            super(reason);
        }
    }

    /**
     * Writes a backup into {@code folder}, which must be missing or empty: a backup never mixes with other files.
     */
    Written backup(Path folder) throws BackupRefusedException, IOException, InterruptedException {
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
        Files.createDirectories(folder.resolve(DATABASE));
        Path database;
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new BackupRefusedException("la base de données ne répond pas (" + e.getMessage() + ").");
        }
        if ("H2".equals(product)) {
            database = folder.resolve(DATABASE).resolve(H2_DUMP).toAbsolutePath();
            dumpH2(database);
        } else if ("PostgreSQL".equals(product)) {
            database = folder.resolve(DATABASE).resolve(POSTGRES_DUMP).toAbsolutePath();
            dumpPostgres(database);
        } else {
            throw new BackupRefusedException("base de données non prise en charge : " + product + ".");
        }
        int articles;
        try {
            articles = exchange.export(folder.resolve(EXPORT));
        } catch (ArchiveExchange.ExportRefusedException e) {
            // The folder was empty: this cannot happen, but say so rather than hide it.
            throw new BackupRefusedException(e.getMessage());
        }
        Files.writeString(folder.resolve(README), readme(database.getFileName().toString()), StandardCharsets.UTF_8);
        return new Written(database, articles);
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
