package fr.tribunes;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The PostgreSQL server of {@link EmbeddedPostgresConfiguration}, with connections from a pool, as the application
 * has them. Import it in place of that class in a test where every count is a transaction of its own (the sign-in
 * throttle, the comment rate limit): a new connection for each would make these tests ten times slower.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EmbeddedPostgresConfiguration.class)
public class PooledPostgresConfiguration {

    @Bean
    @Primary
    DataSource pooledDataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        return pool;
    }
}
