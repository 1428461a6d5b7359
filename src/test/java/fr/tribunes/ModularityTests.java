package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module that names the modules it may use ({@code @ApplicationModule} in its
 * {@code package-info.java}): no cycles, no dependency it does not declare, no reaching into another module's
 * internals. The module diagram in docs/modules/ is drawn from the same model, and must be the current one.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TribunesApplication.class);

    static final Path COMMITTED = Path.of("docs", "modules", "components.puml");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * To draw it again after a change of modules: {@code ./mvnw test -Dtest=ModularityTests -Dmodules.write=true}.
     */
    @Test
    void theModuleDiagramInDocsIsCurrent() throws IOException {
        Path folder = Boolean.getBoolean("modules.write") ? COMMITTED.getParent() : Path.of("target", "modules");
        new Documenter(
                        MODULES,
                        Documenter.Options.defaults()
                                .withOutputFolder(folder.toString())
                                .withoutClean())
                .writeModulesAsPlantUml(
                        Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        // Documenter writes the same lines in an order that changes from run to run.
        assertThat(Files.readAllLines(folder.resolve("components.puml")))
                .as("docs/modules/components.puml is not the diagram of today's modules: draw it again (see javadoc)")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(COMMITTED));
    }
}
