package fr.tribunes.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On a clean stop, on H2: rewrites the database file without its dead space when less than half of it is live.
 * The H2 address sets {@code REUSE_SPACE=FALSE} (see application.properties: with reuse, H2 2.5.252 can lose
 * acknowledged commits to a kill -9), so every commit appends to the file and nothing is ever written over; H2's own
 * compaction on close does not shrink such a file. {@code SHUTDOWN COMPACT} writes a new file and then replaces the
 * old one, so a stop killed meanwhile leaves the old file whole. It runs after the web server has finished its
 * requests and before the connection pool closes; the database is closed after it.
 */
@Component
class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;

    private final int belowPercent;

    H2Compaction(DataSource dataSource, @Value("${tribunes.h2.compact-below-percent:50}") int belowPercent) {
        this.dataSource = dataSource;
        this.belowPercent = belowPercent;
    }

    @Override
    public void destroy() {
        boolean compacted = false;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            compacted = compactIfWorthIt(connection);
        } catch (SQLException e) {
            // The database stays as it was, whole: the next clean stop tries again.
            log.warn("Could not compact H2's file on stopping: {}", e.getMessage());
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // After SHUTDOWN the database is closed, and so is this connection: only otherwise worth a word.
                    if (!compacted) {
                        log.warn("Could not give back H2's connection on stopping: {}", e.getMessage());
                    }
                }
            }
        }
    }

    private boolean compactIfWorthIt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || !persistent(statement)) {
                return false;
            }
            long live = setting(statement, "info.CHUNKS_FILL_RATE");
            long size = setting(statement, "info.FILE_SIZE");
            if (live >= belowPercent) {
                return false;
            }
            log.info("H2's file holds {} % live data of {} MB: compacting it before stopping", live, size >> 20);
            long start = System.nanoTime();
            statement.execute("SHUTDOWN COMPACT");
            log.info("H2's file compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        }
    }

    private static boolean persistent(Statement statement) throws SQLException {
        try (ResultSet url = statement.executeQuery("select database_path()")) {
            return url.next() && url.getString(1) != null;
        }
    }

    private static long setting(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            return value.next() ? Long.parseLong(value.getString(1)) : 100;
        }
    }
}
