package fr.tribunes.storage;

import com.zaxxer.hikari.HikariDataSource;
import fr.tribunes.storage.internal.DatabaseGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps H2's file near the size of its live data. The H2 address sets {@code REUSE_SPACE=FALSE} (see
 * application.properties: with reuse, H2 2.5.252 can lose acknowledged commits to a kill -9), so every commit appends
 * to the file and nothing is ever written over (about 30 KB a comment or a correction at 100,000 op-eds), and H2's
 * own compaction does not shrink such a file. {@code SHUTDOWN COMPACT} does: it writes the live data to a new file, then
 * renames it over the old one, so a process killed meanwhile leaves the old file whole (and the next compaction
 * tries again).
 *
 * <p><b>While the site runs.</b> When less than {@code tribunes.h2.compact-below-percent} (50 %) of the file is live,
 * it is compacted at the quiet moment {@code tribunes.h2.compact-at} names (a cron expression, 04:30 every day by
 * default), and at any time once less than half that (25 %) is live, checked every {@code tribunes.h2.check-every}
 * (10 minutes). The live share is H2's own ({@code info.CHUNKS_FILL_RATE}), which counts more as live than a
 * compaction keeps (77 % against 56 % measured by {@code bench/growth.sh}): the file gets to more than twice its
 * compacted size before it is compacted. {@link DatabaseGate} holds new work off the database (requests that need it wait; pages already rendered are
 * served from the page cache without it) and lets the connections in use finish, the database is closed compacted,
 * then the pool opens it again. At 100,000 op-eds (a 430 MB file) it takes 15 to 30 s on two cores.
 *
 * <p><b>On a clean stop</b>, after the web server has finished its requests and before the pool closes, the same
 * compaction runs below {@code compact-below-percent}.
 *
 * <p>Nothing is done on another database (PostgreSQL) or on an in-memory H2.
 */
@Component
public class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    /** How long the connections in use are given to finish before a compaction gives up, for this time. */
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final DataSource dataSource;

    private final int belowPercent;

    H2Compaction(DataSource dataSource, @Value("${tribunes.h2.compact-below-percent:50}") int belowPercent) {
        this.dataSource = dataSource;
        this.belowPercent = belowPercent;
    }

    /** At the quiet moment: compacts when less than {@code compact-below-percent} of the file is live. */
    @Scheduled(cron = "${tribunes.h2.compact-at:0 30 4 * * *}")
    void atQuietMoment() {
        compactOnlineBelow(belowPercent);
    }

    /** At any time: compacts when less than half of {@code compact-below-percent} of the file is live. */
    @Scheduled(
            fixedDelayString = "${tribunes.h2.check-every:10m}",
            initialDelayString = "${tribunes.h2.check-every:10m}")
    void whenFarBehind() {
        compactIfFarBehind();
    }

    /**
     * Compacts the file now, the site running, if less than half of {@code compact-below-percent} of it is live: for
     * a long import, between its batches (an import of 100,000 op-eds would otherwise leave a file of gigabytes).
     *
     * @return whether it was compacted
     */
    public boolean compactIfFarBehind() {
        return compactOnlineBelow(belowPercent / 2);
    }

    /** Compacts the file, the site running, if it is H2's and less than {@code percent} of it is live. */
    synchronized boolean compactOnlineBelow(int percent) {
        DatabaseGate gate = unwrap(DatabaseGate.class);
        HikariDataSource pooled = unwrap(HikariDataSource.class);
        if (gate == null || pooled == null || pooled.getHikariPoolMXBean() == null) {
            return false;
        }
        Fill fill;
        try (Connection connection = dataSource.getConnection()) {
            fill = fill(connection);
        } catch (SQLException e) {
            log.warn("Could not measure H2's file: {}", e.getMessage());
            return false;
        }
        if (fill == null || fill.livePercent() >= percent) {
            return false;
        }
        try {
            if (!gate.closeAndDrain(DRAIN)) {
                log.warn(
                        "H2's file not compacted: connections still in use after {} s; tried again later",
                        DRAIN.toSeconds());
                return false;
            }
        } catch (InterruptedException e) {
            gate.open();
            Thread.currentThread().interrupt();
            return false;
        }
        Connection own = null;
        try {
            // A connection of its own, past the gate: it joins the open database, and SHUTDOWN closes it.
            own = DriverManager.getConnection(pooled.getJdbcUrl(), pooled.getUsername(), pooled.getPassword());
            return shutdownCompact(own, fill, "requests that need the database wait");
        } catch (SQLException e) {
            log.warn("Could not compact H2's file: {}", e.getMessage());
            return false;
        } finally {
            closeQuietly(own);
            // The pooled connections were to the database before it closed: new ones open it again.
            pooled.getHikariPoolMXBean().softEvictConnections();
            gate.open();
        }
    }

    /** Closes a connection SHUTDOWN may already have closed. */
    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closed with the database: nothing left to give back.
            }
        }
    }

    @Override
    public synchronized void destroy() {
        boolean compacted = false;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            Fill fill = fill(connection);
            if (fill != null && fill.livePercent() < belowPercent) {
                compacted = shutdownCompact(connection, fill, "before stopping");
            }
        } catch (SQLException e) {
            // The database stays as it was, whole: the next compaction tries again.
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

    /**
     * Closes the database compacted, through {@code connection} (which the shutdown closes), then makes the new file
     * owner-only.
     *
     * @param when what the log says of the moment
     * @throws SQLException if H2 could not compact (the old file is then whole)
     */
    private static boolean shutdownCompact(Connection connection, Fill fill, String when) throws SQLException {
        log.info(
                "H2's file holds {} % live data of {}: compacting it, {}",
                fill.livePercent(), megabytes(fill.bytes()), when);
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (!closedByShutdown(e)) {
                throw e;
            }
        }
        makePrivate(fill.path());
        log.info(
                "H2's file compacted in {} ms: {} → {}",
                (System.nanoTime() - start) / 1_000_000,
                megabytes(fill.bytes()),
                megabytes(size(fill.path())));
        return true;
    }

    /** How much of H2's file is live, or null if the database is not an H2 file. */
    private static Fill fill(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return null;
        }
        try (Statement statement = connection.createStatement()) {
            String path;
            try (ResultSet url = statement.executeQuery("select database_path()")) {
                path = url.next() ? url.getString(1) : null;
            }
            if (path == null) {
                return null;
            }
            return new Fill(
                    Path.of(path + ".mv.db"),
                    (int) setting(statement, "info.CHUNKS_FILL_RATE"),
                    setting(statement, "info.FILE_SIZE"));
        }
    }

    private record Fill(Path path, int livePercent, long bytes) {}

    private static long setting(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            return value.next() ? Long.parseLong(value.getString(1)) : 100;
        }
    }

    /** H2 writes the compacted file anew, readable by all: it holds password hashes and commenters' addresses. */
    private static void makePrivate(Path file) {
        try {
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            log.warn("Could not make {} owner-only: {}", file, e.getMessage());
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code SHUTDOWN} closes the connection that sent it: error 90121, "database is already closed". */
    private static boolean closedByShutdown(SQLException e) {
        return e.getErrorCode() == 90121;
    }

    private <T> T unwrap(Class<T> type) {
        try {
            return dataSource.isWrapperFor(type) ? dataSource.unwrap(type) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
