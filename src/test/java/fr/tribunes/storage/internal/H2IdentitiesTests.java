package fr.tribunes.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleEditor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * After a crash, H2 can restart an identity column below ids already taken (seen with {@code bench/crash.sh}: the
 * first op-ed written after a {@code kill -9} failed on the primary key). The start-up puts it back past them.
 */
class H2IdentitiesTests {

    @TempDir
    Path dataDir;

    @Test
    void anIdentityLeftBehindByACrashIsMovedPastTheIdsTaken() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            write(app, 1);
            write(app, 2);
        }
        // What the crash left: the article table's identity back at 1, where ids 1 (the seed), 2 and 3 are taken.
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("tribunes"), "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("alter table article alter column id restart with 2");
            statement.execute("alter table article_revision alter column id restart with 1");
        }
        try (ConfigurableApplicationContext app = start()) {
            long id = write(app, 3);
            assertThat(id).isEqualTo(4);
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            ArticleEditor.Edited edited = editor.find(id).orElseThrow();
            editor.save(
                    id,
                    edited.version(),
                    edited.draft().withText("Paragraphe synthétique corrigé."),
                    "Correction synthétique",
                    "test");
            assertThat(editor.revisions(id)).isNotEmpty();
        }
    }

    private static long write(ConfigurableApplicationContext app, int number) throws Exception {
        ArticleEditor editor = app.getBean(ArticleEditor.class);
        long id = editor.create(SyntheticArticles.draft(number), "test");
        editor.publish(id, "test");
        return id;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TribunesApplication.class)
                .web(WebApplicationType.NONE)
                .run("--tribunes.data-dir=" + dataDir);
    }
}
