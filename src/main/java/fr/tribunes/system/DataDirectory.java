package fr.tribunes.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code tribunes.data-dir} an absolute path before anything uses it: H2 refuses a relative path such as
 * {@code data} (it wants {@code ./data}), and the search index should land beside the database whatever the
 * working directory.
 */
class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "tribunes.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("tribunesDataDirectory", Map.of(PROPERTY, absolute)));
    }
}
