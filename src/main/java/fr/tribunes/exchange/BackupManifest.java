package fr.tribunes.exchange;

import fr.tribunes.storage.PrivateFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds and how to check it: {@value #NAME} (the counts, the database's dump with its size and
 * digest, how many files and bytes in all, the digest of {@value #SUMS}) and {@value #SUMS}, one line per file
 * ({@code <sha-256>  <path>}, as {@code sha256sum} writes it, so that {@code sha256sum -c SHA256SUMS} checks a
 * backup without Tribunes). Both are written last, once every other file is complete; {@value #SUMS} is read and
 * written a line at a time, so that a backup of any size is checked in constant memory.
 *
 * @param format {@value #FORMAT}
 * @param createdAt when the backup was written (ISO 8601, UTC)
 * @param database which database the dump comes from ({@code H2} or {@code PostgreSQL})
 * @param dump the database's dump
 * @param published op-eds published, in the export
 * @param drafts drafts, in the export
 * @param facets authors, themes and organisations, in the export
 * @param files how many files {@value #SUMS} lists
 * @param bytes their total size
 * @param sums the SHA-256 of {@value #SUMS}
 */
record BackupManifest(
        String format,
        String createdAt,
        String database,
        Listed dump,
        int published,
        int drafts,
        int facets,
        long files,
        long bytes,
        String sums) {

    static final String NAME = "manifest.json";

    static final String SUMS = "SHA256SUMS";

    static final String FORMAT = "tribunes-backup/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A file of the backup: its path inside it (with {@code /}), size and SHA-256. */
    record Listed(String path, long bytes, String sha256) {}

    /** A backup that is not whole, and why, in French. */
    static final class InvalidBackupException extends Exception {

        InvalidBackupException(String reason) {
            super(reason);
        }
    }

    /** What {@link #write} needs besides the files. */
    record Contents(String createdAt, String database, Path dump, int published, int drafts, int facets) {}

    /**
     * Writes {@value #SUMS} for every file of {@code folder} (but these two), then {@value #NAME}: the last file a
     * backup gets.
     */
    static BackupManifest write(Path folder, Contents contents, TaskProgress progress) throws IOException {
        progress.stage("Empreintes SHA-256 des fichiers", 0);
        long files = 0;
        long bytes = 0;
        Listed dump = null;
        Path sumsFile = folder.resolve(SUMS);
        try (Stream<Path> walk = Files.walk(folder);
                BufferedWriter sums = new BufferedWriter(
                        new OutputStreamWriter(PrivateFiles.create(sumsFile), StandardCharsets.UTF_8))) {
            Iterator<Path> all = walk.filter(Files::isRegularFile).iterator();
            while (all.hasNext()) {
                Path file = all.next();
                String path = relative(folder, file);
                if (path.equals(SUMS) || path.equals(NAME)) {
                    continue;
                }
                long size = Files.size(file);
                String digest = sha256(file);
                sums.write(digest + "  " + path + "\n");
                if (file.equals(contents.dump())) {
                    dump = new Listed(path, size, digest);
                }
                files++;
                bytes += size;
                progress.step();
            }
        }
        if (dump == null) {
            throw new IOException("the dump " + contents.dump() + " is not in " + folder);
        }
        BackupManifest manifest = new BackupManifest(
                FORMAT,
                contents.createdAt(),
                contents.database(),
                dump,
                contents.published(),
                contents.drafts(),
                contents.facets(),
                files,
                bytes,
                sha256(sumsFile));
        PrivateFiles.write(
                folder.resolve(NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return manifest;
    }

    /** The manifest of {@code folder}; empty when it has none (a backup written before manifests, or no backup). */
    static Optional<BackupManifest> read(Path folder) throws InvalidBackupException {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), BackupManifest.class);
        } catch (IOException | JacksonException e) {
            throw new InvalidBackupException(NAME + " est illisible (" + e.getMessage() + ").");
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new InvalidBackupException(NAME + " annonce un format inconnu (" + manifest.format() + ").");
        }
        if (manifest.dump() == null || manifest.sums() == null) {
            throw new InvalidBackupException(NAME + " est incomplet.");
        }
        return Optional.of(manifest);
    }

    /**
     * The quick check, for a listing: the dump is there with its size, and {@value #SUMS} has the digest the
     * manifest gives it.
     */
    void checkQuickly(Path folder) throws InvalidBackupException, IOException {
        Path dumpFile = inside(folder, dump.path());
        if (!Files.isRegularFile(dumpFile)) {
            throw new InvalidBackupException("il y manque " + dump.path() + ".");
        }
        if (Files.size(dumpFile) != dump.bytes()) {
            throw new InvalidBackupException(dump.path() + " n’a pas la taille notée dans " + NAME + ".");
        }
        Path sumsFile = folder.resolve(SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            throw new InvalidBackupException("il y manque " + SUMS + ".");
        }
        if (!sha256(sumsFile).equals(sums)) {
            throw new InvalidBackupException(SUMS + " ne correspond pas à " + NAME + ".");
        }
    }

    /** The whole check: the quick one, then every file listed is there with its SHA-256, and as many as listed. */
    void verify(Path folder, TaskProgress progress) throws InvalidBackupException, IOException {
        checkQuickly(folder);
        progress.stage("Vérification des empreintes", files);
        long count = 0;
        long size = 0;
        try (BufferedReader lines = Files.newBufferedReader(folder.resolve(SUMS), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                int space = line.indexOf("  ");
                if (space != 64) {
                    throw new InvalidBackupException(SUMS + " a une ligne mal formée : " + line);
                }
                String path = line.substring(space + 2);
                Path file = inside(folder, path);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidBackupException("il y manque " + path + ".");
                }
                if (!sha256(file).equals(line.substring(0, space))) {
                    throw new InvalidBackupException(path + " a été modifié ou abîmé (empreinte SHA-256 différente).");
                }
                count++;
                size += Files.size(file);
                progress.step();
            }
        }
        if (count != files || size != bytes) {
            throw new InvalidBackupException(
                    SUMS + " ne liste pas les " + files + " fichiers notés dans " + NAME + ".");
        }
    }

    /** A path listed in the backup, refused if it would lead out of it. */
    private static Path inside(Path folder, String path) throws InvalidBackupException {
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder.normalize()) || path.isEmpty()) {
            throw new InvalidBackupException(path + " désigne un fichier hors de la sauvegarde.");
        }
        return file;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
