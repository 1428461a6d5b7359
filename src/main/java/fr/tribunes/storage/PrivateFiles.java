package fr.tribunes.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner can read: the database (password hashes, the comment forms' key, commenters' addresses),
 * backups and exports. Folders are created {@code rwx------} and files {@code rw-------}, whatever the process's
 * umask; on a file system without POSIX permissions (Windows), they are created as usual.
 */
public final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the folder and its missing parents; the folder itself (new or not) is made owner-only. */
    public static Path createFolder(Path folder) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(folder);
        }
        if (!Files.isDirectory(folder)) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        }
        Files.setPosixFilePermissions(folder, FOLDER);
        return folder;
    }

    /** Opens the file for writing from its start, created owner-only (or made so, if it exists). */
    public static OutputStream create(Path file) throws IOException {
        if (POSIX) {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
        }
        return Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Writes the text in UTF-8 into an owner-only file. */
    public static void write(Path file, String text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Makes an existing file or folder owner-only (folders {@code rwx------}, files {@code rw-------}). */
    public static void restrict(Path path) throws IOException {
        if (POSIX && Files.exists(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
    }
}
