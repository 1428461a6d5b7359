package fr.tribunes.storage.internal;

import fr.tribunes.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, makes what it created in the data directory owner-only: H2 creates its file
 * ({@code tribunes.mv.db}, and {@code tribunes.trace.db} when it logs an error) and Lucene and the page cache their
 * folders ({@code index}, {@code pages}) with the process's umask, readable by all. The data directory itself is
 * already owner-only ({@link DataDirectory}); its entries are made so too, so that a copy of the folder (cp -a,
 * tar) keeps them private.
 */
@Component
class PrivateDataDirectory {

    private static final Logger log = LoggerFactory.getLogger(PrivateDataDirectory.class);

    private final Path directory;

    PrivateDataDirectory(@Value("${tribunes.data-dir:}") String directory) {
        this.directory = directory.isBlank() ? null : Path.of(directory);
    }

    @EventListener(ApplicationReadyEvent.class)
    void restrict() {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> all = entries.toList();
            for (Path entry : all) {
                PrivateFiles.restrict(entry);
            }
        } catch (IOException e) {
            log.warn("Could not make the data directory's files owner-only: {}", e.getMessage());
        }
    }
}
