package fr.tribunes.pagecache.internal;

import fr.tribunes.pagecache.ArchiveVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page cache's second tier: kept pages written to files, where a small heap is no limit, so that the long tail
 * of an archive (the op-ed nobody asked for lately, read from a search engine, the page a crawler walks to) is
 * served almost like a static file rather than rendered again. Reads go through the operating system's file cache.
 *
 * <p>One file a page, named by a digest of its key, written aside then moved into place (a reader never sees half a
 * page), holding the key, the stamp it was rendered under and what it shows: a file is used only for its own key
 * and while what it shows has not changed. Each start writes into a folder of its own, and removes those that earlier starts
 * left (never one another live instance holds). The folder is bounded: past {@code tribunes.page-cache.disk-mb} it
 * is emptied, and fills again with what readers ask for.
 */
final class PageFiles {

    private static final Logger log = LoggerFactory.getLogger(PageFiles.class);

    private static final int FORMAT = 2;

    private final Path folder;

    private final long maxBytes;

    private final AtomicLong bytes = new AtomicLong();

    /** Held while this instance runs, so that another's clean-up leaves its folder alone. */
    private final FileLock lock;

    private final FileChannel lockChannel;

    PageFiles(Path root, long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(root);
            removeLeftovers(root);
            this.folder = Files.createDirectory(root.resolve("run-" + UUID.randomUUID()));
            this.lockChannel =
                    FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = lockChannel.lock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + root + " for the page cache", e);
        }
    }

    Path folder() {
        return folder;
    }

    /** The page kept for this key, if its file is there; whether it is still current is the caller's question. */
    PageCache.Entry read(String key) {
        Path file = fileOf(key);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException unreadable) {
            log.debug("Page file {} unreadable", file, unreadable);
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            long number = in.readLong();
            long seconds = in.readLong();
            if (!key.equals(in.readUTF())) {
                return null;
            }
            Set<String> shows = null;
            if (in.readBoolean()) {
                String[] shown = new String[in.readInt()];
                for (int i = 0; i < shown.length; i++) {
                    shown[i] = in.readUTF();
                }
                shows = Set.of(shown);
            }
            List<String[]> headers = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headers.add(new String[] {in.readUTF(), in.readUTF()});
            }
            String etag = in.readBoolean() ? in.readUTF() : null;
            String[] exempt = new String[in.readInt()];
            for (int i = 0; i < exempt.length; i++) {
                exempt[i] = in.readUTF();
            }
            byte[][] parts = readArrays(in);
            byte[][] gzip = in.readBoolean() ? readArrays(in) : null;
            return new PageCache.Entry(
                    new ArchiveVersion.Stamp(number, Instant.ofEpochSecond(seconds)),
                    shows,
                    List.copyOf(headers),
                    etag,
                    parts,
                    exempt,
                    gzip == null ? null : GzipParts.ofCompressed(gzip));
        } catch (IOException | RuntimeException damaged) {
            log.debug("Page file {} not readable as a page", file, damaged);
            return null;
        }
    }

    /** Keeps a page; a failure to write it only means it will be rendered again. */
    void write(String key, PageCache.Entry entry) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(entry.weight(key));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            out.writeLong(entry.stamp().number());
            out.writeLong(entry.stamp().changedAt().getEpochSecond());
            out.writeUTF(key);
            out.writeBoolean(entry.shows() != null);
            if (entry.shows() != null) {
                out.writeInt(entry.shows().size());
                for (String shown : entry.shows()) {
                    out.writeUTF(shown);
                }
            }
            out.writeInt(entry.headers().size());
            for (String[] header : entry.headers()) {
                out.writeUTF(header[0]);
                out.writeUTF(header[1]);
            }
            out.writeBoolean(entry.etag() != null);
            if (entry.etag() != null) {
                out.writeUTF(entry.etag());
            }
            out.writeInt(entry.exempt().length);
            for (String value : entry.exempt()) {
                out.writeUTF(value);
            }
            writeArrays(entry.parts(), out);
            out.writeBoolean(entry.gzip() != null);
            if (entry.gzip() != null) {
                writeArrays(entry.gzip().compressed(), out);
            }
        } catch (IOException | RuntimeException tooLong) {
            // A header or key longer than writeUTF takes: such a page is simply not kept on disk.
            return;
        }
        Path file = fileOf(key);
        Path aside = file.resolveSibling(
                file.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(aside, buffer.toByteArray());
            long before = Files.exists(file) ? Files.size(file) : 0;
            try {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException impossibleInOneFolder) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (bytes.addAndGet(buffer.size() - before) > maxBytes) {
                clear();
            }
        } catch (IOException e) {
            log.debug("Page file {} not written", file, e);
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // Removed with the folder at the next start.
            }
        }
    }

    /** Empties the folder: past its bound, every page is rendered again once before it is kept again. */
    synchronized void clear() {
        if (bytes.get() <= maxBytes) {
            return;
        }
        log.info("Page cache on disk past {} MB in {}: emptied", maxBytes / (1024 * 1024), folder);
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path shard : shards) {
                deleteTree(shard);
            }
        } catch (IOException e) {
            log.warn("Page cache on disk not emptied in {}", folder, e);
        }
        bytes.set(0);
    }

    private Path fileOf(String key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        String name = HexFormat.of().formatHex(digest, 0, 16);
        return folder.resolve(name.substring(0, 2)).resolve(name.substring(2));
    }

    private static byte[][] readArrays(DataInputStream in) throws IOException {
        byte[][] arrays = new byte[in.readInt()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = in.readNBytes(in.readInt());
        }
        return arrays;
    }

    private static void writeArrays(byte[][] arrays, DataOutputStream out) throws IOException {
        out.writeInt(arrays.length);
        for (byte[] array : arrays) {
            out.writeInt(array.length);
            out.write(array);
        }
    }

    /** Folders earlier starts left, removed in the background; one that another live instance holds is kept. */
    private static void removeLeftovers(Path root) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, "run-*")) {
            for (Path run : runs) {
                if (!held(run)) {
                    leftovers.add(run);
                }
            }
        }
        if (leftovers.isEmpty()) {
            return;
        }
        Thread cleaner = new Thread(
                () -> leftovers.forEach(run -> {
                    try {
                        deleteTree(run);
                    } catch (IOException e) {
                        log.warn("Former page cache folder {} not removed", run, e);
                    }
                }),
                "page-files-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
    }

    private static boolean held(Path run) {
        Path lockFile = run.resolve("lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return true;
            }
            free.release();
            return false;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Releases the folder; it is removed at the next start. */
    void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("Page cache lock not released", e);
        }
    }
}
