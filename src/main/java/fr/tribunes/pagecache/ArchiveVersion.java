package fr.tribunes.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p><b>What changed.</b> A writer that knows what its change touches says so ({@link #changedOnly}: an op-ed, the
 * lists it is in, a theme's name…, as {@link PageDependencies} names them); {@link #unchangedSince} then tells the
 * page cache that a page showing none of those is still current, although the stamp moved. Any other change
 * ({@link #changed}) changes everything. Known per instance: on a shared database another instance's change, seen
 * only as a moved stamp, changes everything here.
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

    /** The stamp number of the last change to everything, made here. */
    private final AtomicLong everything = new AtomicLong();

    /** For each thing changed here, the stamp number of its last change; bounded, past which {@link #forgotten}. */
    private final Cache<String, Long> changes;

    /** The newest change among those the bound made this instance forget: anything not remembered changed then. */
    private final AtomicLong forgotten = new AtomicLong();

    public ArchiveVersion(
            JdbcTemplate jdbc,
            @Value("${spring.datasource.url:}") String url,
            @Value("${tribunes.archive-version.max-age-ms:5}") long maxAgeMillis) {
        this.jdbc = jdbc;
        this.local = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:");
        this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(maxAgeMillis);
        this.changes = Caffeine.newBuilder()
                .maximumSize(50_000)
                .executor(Runnable::run)
                .removalListener((String what, Long number, RemovalCause cause) -> {
                    if (cause.wasEvicted() && number != null) {
                        forgotten.accumulateAndGet(number, Math::max);
                    }
                })
                .build();
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
     * Records that the archive changed now, all of it as far as pages can tell; called by writers inside their
     * transaction. One statement moves the number and the date from the row as it is when the row lock is granted,
     * so concurrent writers, here or on other instances, each get their own stamp. Known here as soon as the
     * transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Instant now) {
        Stamp stamp = move(now);
        afterCommit(() -> {
            everything.accumulateAndGet(stamp.number(), Math::max);
            learn(stamp, System.nanoTime());
        });
    }

    /**
     * Records that the archive changed now, only in what the writer adds to the scope returned (what it changed, as
     * {@link PageDependencies} names it), before its transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Scope changedOnly(Instant now) {
        Stamp stamp = move(now);
        Scope scope = new Scope();
        afterCommit(() -> {
            // What changed is known before the stamp that says so: a page checked meanwhile is never taken as current.
            for (String what : scope.changed) {
                changes.asMap().merge(what, stamp.number(), Math::max);
            }
            learn(stamp, System.nanoTime());
        });
        return scope;
    }

    /** What a change touched, as pages show it. */
    public static final class Scope {

        private final Set<String> changed = ConcurrentHashMap.newKeySet();

        public Scope add(String what) {
            changed.add(what);
            return this;
        }

        public Scope addAll(Collection<String> what) {
            changed.addAll(what);
            return this;
        }
    }

    /**
     * Whether a page rendered under {@code rendered}, showing {@code shows} (null: it may show anything), is still
     * what it would be rendered as now.
     */
    public boolean unchangedSince(Stamp rendered, Set<String> shows, Stamp now) {
        if (rendered.number() == now.number()) {
            return true;
        }
        long number = rendered.number();
        if (!local || shows == null || number > now.number() || everything.get() > number) {
            return false;
        }
        for (String what : shows) {
            Long changed = changes.getIfPresent(what);
            if ((changed == null ? forgotten.get() : changed) > number) {
                return false;
            }
        }
        return true;
    }

    private Stamp move(Instant now) {
        jdbc.update(
                "update archive_change set version = version + 1,"
                        + " changed_at = greatest(?, changed_at + interval '1' second) where id = 1",
                OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        return read();
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
