package fr.tribunes.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code tribunes.data-dir} an absolute path before anything uses it: H2 refuses a relative path such as
 * {@code data} (it wants {@code ./data}), and the search index should land beside the database whatever the
 * working directory.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "tribunes.data-dir";

    /**
     * False when the application is started only to read its settings (the {@code restore} command, before the
     * data directory exists): the directory is then neither created nor changed.
     */
    public static final String PREPARE = "tribunes.data-dir.prepare";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path directory = Path.of(configured).toAbsolutePath().normalize();
        String absolute = directory.toString();
        if (environment.getProperty(PREPARE, Boolean.class, true)) {
            makePrivate(directory);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("tribunesDataDirectory", Map.of(PROPERTY, absolute)));
    }

    /**
     * Creates the data directory owner-only, or makes it so, with the database's files in it: they hold editors'
     * password hashes, the comment forms' key and commenters' addresses. Inside a folder only its owner may enter,
     * whatever else the application writes there (search index, rendered pages, backups) is private too.
     */
    static void makePrivate(Path directory) {
        try {
            PrivateFiles.createFolder(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tribunes."))
                        .toList()) {
                    PrivateFiles.restrict(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or protect the data directory " + directory, e);
        }
    }
}
