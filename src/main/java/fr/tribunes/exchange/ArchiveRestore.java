package fr.tribunes.exchange;

import fr.tribunes.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings back the database of a backup ({@link ArchiveBackup}) into an empty data directory, before the application
 * ever opens it: H2 runs the backup's SQL into a new database, which then holds exactly what the backed-up one held,
 * Flyway's history included. Only for H2; PostgreSQL's dumps go back with {@code pg_restore}.
 */
final class ArchiveRestore {

    private ArchiveRestore() {}

    /** A restore that was not made, and why, in French; nothing was left behind. */
    static final class RestoreRefusedException extends Exception {

        RestoreRefusedException(String reason) {
            super(reason);
        }
    }

    /**
     * Restores the backup in {@code backup} into {@code dataDirectory}, which must be missing or empty, through
     * {@code url} (an H2 file database inside it). The backup's manifest is verified first, every file's SHA-256
     * included ({@link BackupManifest#verify}): a backup that is not whole is refused before anything is written. On failure, whatever was written into the data directory is
     * removed, so that it is empty again and the restore can be tried again.
     */
    static void restore(Path backup, Path dataDirectory, String url, String username, String password)
            throws RestoreRefusedException, IOException {
        backup = backup.toAbsolutePath().normalize();
        Path dump = backup.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.H2_DUMP);
        Optional<BackupManifest> manifest;
        try {
            manifest = BackupManifest.read(backup);
            if (manifest.isPresent()) {
                manifest.get().verify(backup, TaskProgress.NONE);
            }
        } catch (BackupManifest.InvalidBackupException e) {
            throw new RestoreRefusedException(
                    "la sauvegarde " + backup + " n’est pas entière : " + e.getMessage() + " Rien n’a été modifié.");
        }
        if (manifest.isEmpty() && Files.isRegularFile(dump)) {
            throw new RestoreRefusedException("la sauvegarde " + backup + " n’a pas de " + BackupManifest.NAME
                    + " : elle a été interrompue, ou écrite par une version qui n’en faisait pas. Rien n’a été"
                    + " modifié ; pour rétablir sa base quand même, voir docs/operations.md.");
        }
        if (!Files.isRegularFile(dump)) {
            if (Files.isRegularFile(backup.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.POSTGRES_DUMP))) {
                throw new RestoreRefusedException(
                        "cette sauvegarde vient de PostgreSQL : rétablissez-la avec pg_restore (voir le README).");
            }
            throw new RestoreRefusedException(backup + " n’est pas une sauvegarde de Tribunes (il y manque "
                    + ArchiveBackup.DATABASE + "/" + ArchiveBackup.H2_DUMP + ").");
        }
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new RestoreRefusedException("cette commande ne restaure que la base H2 ; avec PostgreSQL, "
                    + "rétablissez la base avec pg_restore (voir le README).");
        }
        if (Files.exists(dataDirectory) && !Files.isDirectory(dataDirectory)) {
            throw new RestoreRefusedException(dataDirectory + " existe et n’est pas un dossier.");
        }
        if (Files.isDirectory(dataDirectory)) {
            try (Stream<Path> files = Files.list(dataDirectory)) {
                if (files.findAny().isPresent()) {
                    throw new RestoreRefusedException("le dossier de données " + dataDirectory
                            + " n’est pas vide : restaurez dans un dossier vide ou nouveau. Rien n’a été modifié.");
                }
            }
        }
        PrivateFiles.createFolder(dataDirectory);
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM "
                    + ArchiveBackup.literal(dump.toAbsolutePath().toString()) + " COMPRESSION GZIP");
            // RUNSCRIPT commits each statement, and each commit is a chunk of H2's file (REUSE_SPACE=FALSE): 200,000
            // of them at 100,000 op-eds, whose bookkeeping H2 keeps in the heap (50 MB, measured) from every start
            // on. Compacting rewrites the file in a few large chunks before anything opens it.
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            empty(dataDirectory);
            throw new RestoreRefusedException("H2 n’a pas pu lire la sauvegarde (" + e.getMessage() + ").");
        }
    }

    /** Deletes what the data directory holds, not the directory itself. */
    private static void empty(Path dataDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(dataDirectory)) {
                    Files.delete(file);
                }
            }
        }
    }
}
