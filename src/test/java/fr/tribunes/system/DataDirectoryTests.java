package fr.tribunes.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A data directory given as "data" (no "./"), as users type it, must work: H2 only takes absolute paths. */
class DataDirectoryTests {

    @Test
    void aRelativeDataDirectoryBecomesAbsolute() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("tribunes.data-dir", "donnees/archive")));

        new DataDirectory().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("tribunes.data-dir"))
                .isEqualTo(Path.of("donnees/archive").toAbsolutePath().toString());
    }
}
