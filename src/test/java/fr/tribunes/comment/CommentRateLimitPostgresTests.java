package fr.tribunes.comment;

import com.zaxxer.hikari.HikariDataSource;
import fr.tribunes.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The same rate limit tests on a real PostgreSQL, through the same migrations: its row locks, as two instances
 * sharing one database meet them.
 */
@Import(EmbeddedPostgresConfiguration.class)
class CommentRateLimitPostgresTests extends CommentRateLimitTests {

    /**
     * Connections from a pool, as the application has them: every count is a transaction of its own, and a new
     * connection for each would make these tests ten times slower.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Pooled {

        @Bean
        @Primary
        DataSource pooledDataSource(EmbeddedPostgres postgres) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            return pool;
        }
    }
}
