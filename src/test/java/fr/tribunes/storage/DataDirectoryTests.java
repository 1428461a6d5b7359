package fr.tribunes.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryTests {

    @TempDir
    Path temp;

    /** A data directory given as "data" (no "./"), as users type it, must work: H2 only takes absolute paths. */
    @Test
    void aRelativeDataDirectoryBecomesAbsolute() throws Exception {
        Path relative =
                Path.of("target", "tests-donnees-" + ProcessHandle.current().pid(), "archive");
        try {
            assertThat(settle(relative.toString()))
                    .isEqualTo(relative.toAbsolutePath().toString());
        } finally {
            Files.deleteIfExists(relative);
            Files.deleteIfExists(relative.getParent());
        }
    }

    /** The database holds password hashes and commenters' addresses: no other local user may read it. */
    @Test
    void theDataDirectoryAndTheDatabaseAreOwnerOnly() throws Exception {
        Path data = Files.createDirectories(temp.resolve("donnees"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.writeString(data.resolve("tribunes.mv.db"), "base synthétique");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        settle(data.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database)))
                .isEqualTo("rw-------");
        Path fresh = temp.resolve("nouveau").resolve("donnees");
        settle(fresh.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rwx------");
    }

    private static String settle(String dataDirectory) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("tribunes.data-dir", dataDirectory)));
        new DataDirectory().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("tribunes.data-dir");
    }
}
