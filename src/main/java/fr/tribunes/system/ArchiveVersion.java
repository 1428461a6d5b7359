package fr.tribunes.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When anything public in the archive last changed: one row in the database, moved by every edit in the same
 * transaction, so every instance on the same database sees it. It gives pages their {@code Last-Modified}, and the
 * page cache the stamp its pages are kept under.
 *
 * <p><b>Read without a connection.</b> Requests ask for the stamp all the time; none of them waits on the pool for
 * it. On an embedded H2 database only this process can write (H2 locks its file), so the stamp is kept in memory,
 * moved when an edit commits, and never read again. On a shared database (PostgreSQL, several instances) the row is
 * read at most once every {@code tribunes.archive-version.max-age-ms} (5 ms) for all requests together, by the
 * first request that finds the stamp older; the others meanwhile use the one known. An edit made here is known here
 * as soon as it commits; one made by another instance within those milliseconds.
 *
 * <p><b>Never the same stamp twice.</b> Each change moves a number by one, in the same statement that dates it, so
 * two edits within one second, or on two instances at once, give two stamps; the date is never earlier than the
 * previous one plus a second, so that {@code Last-Modified} (to the second) differs too.
 */
@Service
public class ArchiveVersion {

    /**
     * One state of the archive.
     *
     * @param number moved by one at every change, never repeated
     * @param changedAt when, to the second, never the same for two numbers
     */
    public record Stamp(long number, Instant changedAt) {}

    private record Read(Stamp stamp, long atNanos) {}

    private final JdbcTemplate jdbc;

    private final boolean local;

    private final long maxAgeNanos;

    private final AtomicReference<Read> known = new AtomicReference<>();

    private final AtomicBoolean reading = new AtomicBoolean();

    ArchiveVersion(
            JdbcTemplate jdbc,
            @Value("${spring.datasource.url:}") String url,
            @Value("${tribunes.archive-version.max-age-ms:5}") long maxAgeMillis) {
        this.jdbc = jdbc;
        this.local = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:");
        this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(maxAgeMillis);
    }

    /** The archive's current stamp. */
    public Stamp current() {
        Read read = known.get();
        if (read == null) {
            return load();
        }
        if (local || System.nanoTime() - read.atNanos() < maxAgeNanos || !reading.compareAndSet(false, true)) {
            return read.stamp();
        }
        try {
            return load();
        } finally {
            reading.set(false);
        }
    }

    /** When the archive last changed, to the second (HTTP dates have no finer precision). */
    public Instant lastChange() {
        return current().changedAt();
    }

    private Stamp load() {
        long at = System.nanoTime();
        Stamp stamp = read();
        learn(stamp, at);
        return known.get().stamp();
    }

    private Stamp read() {
        return jdbc.queryForObject(
                "select version, changed_at from archive_change where id = 1",
                (row, n) -> new Stamp(
                        row.getLong(1),
                        row.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Keeps the newest stamp known: a slower read or an older commit never takes one back. */
    private void learn(Stamp stamp, long atNanos) {
        known.accumulateAndGet(new Read(stamp, atNanos), (old, fresh) -> {
            if (old == null || fresh.stamp().number() > old.stamp().number()) {
                return fresh;
            }
            return new Read(old.stamp(), Math.max(old.atNanos(), fresh.atNanos()));
        });
    }

    /**
     * Records that the archive changed now; called by every writer inside its transaction. One statement moves the
     * number and the date from the row as it is when the row lock is granted, so concurrent writers, here or on
     * other instances, each get their own stamp. Known here as soon as the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Instant now) {
        jdbc.update(
                "update archive_change set version = version + 1,"
                        + " changed_at = greatest(?, changed_at + interval '1' second) where id = 1",
                OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        Stamp stamp = read();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                learn(stamp, System.nanoTime());
            }
        });
    }
}
