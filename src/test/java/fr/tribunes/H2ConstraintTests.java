package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The archive keeps accepting writes after the connection that ran the migrations is closed. H2 2.4.240 broke
 * this (a {@code CHECK (x IN (…))} created by one connection refused every row once that connection closed, until
 * a restart: after a first start, when the pool retired Flyway's connection, no op-ed could be saved); the build
 * uses a release without that bug, and this test keeps it so.
 */
class H2ConstraintTests {

    @Test
    void writesStillWorkAfterThePoolClosedTheConnectionThatMigrated(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TribunesApplication.class)
                .web(WebApplicationType.NONE)
                .run("--tribunes.data-dir=" + data, "--spring.main.banner-mode=off")) {
            HikariDataSource pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
            // Close every connection the pool holds, the migrating one among them, as its max-lifetime would.
            pool.getHikariPoolMXBean().softEvictConnections();

            String slug = new SyntheticArticles(app.getBean(JdbcTemplate.class)).add(1, LocalDate.of(2020, 1, 2));

            assertThat(app.getBean(JdbcTemplate.class)
                            .queryForObject("select status from article where slug = ?", String.class, slug))
                    .isEqualTo("PUBLISHED");
        }
    }
}
