package fr.tribunes.account;

import static fr.tribunes.account.Browser.path;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.Slow;
import fr.tribunes.TribunesApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first start of an archive: someone must be able to sign in, and no password is ever a default one. Each
 * test starts the application itself, on a data directory of its own, as an administrator would.
 */
@Slow
@ExtendWith(OutputCaptureExtension.class)
class FirstEditorTests {

    private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredPasswordSignsInTheFirstEditor(CapturedOutput output) throws Exception {
        String password = "choisi par l’administrateur";
        try (ConfigurableApplicationContext app =
                        start("--tribunes.admin.username=chef", "--tribunes.admin.password=" + password);
                Browser browser = new Browser(port(app))) {
            browser.signIn("chef", password);
            assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
            assertThat(editors(app)).containsExactly("chef");
        }
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("generated password");
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnceAndSignsIn(CapturedOutput output) throws Exception {
        String password;
        try (ConfigurableApplicationContext app = start();
                Browser browser = new Browser(port(app))) {
            Matcher logged = GENERATED.matcher(output.getAll());
            assertThat(logged.find()).as("a generated password in the log").isTrue();
            password = logged.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll()).contains("WARN").contains("'redaction'");

            browser.signIn("redaction", password);
            assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
        }

        // A second start, even with a password configured, creates nothing and logs no password.
        try (ConfigurableApplicationContext app =
                start("--tribunes.admin.username=autre", "--tribunes.admin.password=un mot de passe configuré")) {
            assertThat(editors(app)).containsExactly("redaction");
        }
        assertThat(GENERATED.matcher(output.getAll()).results()).hasSize(1);
        assertThat(output.getAll()).doesNotContain("un mot de passe configuré");
    }

    @Test
    void aConfiguredPasswordShorterThanTwelveCharactersStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("--tribunes.admin.password=court123"))
                .extracting(NestedExceptionUtils::getMostSpecificCause)
                .isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage, as(InstanceOfAssertFactories.STRING))
                .contains("TRIBUNES_ADMIN_PASSWORD")
                .contains("shorter than 12 characters")
                .doesNotContain("court123");
        assertThat(output.getAll()).doesNotContain("court123");
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(
                List.of("--server.port=0", "--tribunes.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(TribunesApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static List<String> editors(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForList("select username from editor", String.class);
    }
}
