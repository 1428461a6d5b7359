package fr.tribunes.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sign-in throttle and the comment rate limit share: counts kept in a table of the database, so that every
 * instance behind a load balancer counts against the same limits. Each such table has one row per thing counted,
 * keyed by {@code kind} and {@code counted} (at most {@link #MAX_KEY_LENGTH} characters), with its {@code times} as
 * comma-separated epoch milliseconds and an {@code expires_at} after which the row means nothing. Each count reads its
 * rows with {@code select … for update} and writes them in a short transaction of its own ({@link #inTransaction}),
 * tried again when it met another instance's; {@link #deleteExpired} deletes the rows whose time is over, so that a
 * flood of keys leaves no more rows than the counts it was allowed.
 */
public final class CountedRows {

    /** The longest key kept as it is ({@code counted}); longer ones are kept as their digest ({@link #key}). */
    public static final int MAX_KEY_LENGTH = 200;

    /**
     * How many times a transaction is tried when it met another's: two instances creating the same row at once (one
     * of them gets a duplicate key), a lock not obtained in time.
     */
    private static final int TRIES = 10;

    /** Expired rows deleted per transaction by {@link #deleteExpired}. */
    private static final int CLEANUP_BATCH = 1000;

    private final String table;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    /**
     * @param table the table's name, written into the SQL as it is: a constant of the caller's, never a user's input
     */
    public CountedRows(String table, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.table = table;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // Committed at once, whatever the caller is in: another instance must see the count now, and the rows are
        // locked for milliseconds only.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs the work in a transaction of its own, again when it met another instance's: a duplicate key (both created
     * the row), a lock not obtained in time or a deadlock reported by the database. Everything it did is then rolled
     * back, and it starts again from what is now committed.
     */
    public <T> T inTransaction(Supplier<T> work) {
        for (int tried = 1; ; tried++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (DuplicateKeyException | TransientDataAccessException metAnother) {
                if (tried == TRIES) {
                    throw metAnother;
                }
                try {
                    // H2 refuses a duplicate at once, before the other transaction commits: leave it the time to.
                    Thread.sleep(1L << Math.min(tried, 6));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw metAnother;
                }
            }
        }
    }

    /**
     * Deletes the rows that expired before {@code now}, a thousand at a time. Rows another transaction holds are
     * skipped (the next run takes them), so that it never waits for a count, nor a count for it in a circle.
     */
    public void deleteExpired(Instant now) {
        OffsetDateTime before = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int deleted;
        do {
            deleted = transactions.execute(status -> {
                List<Object[]> expired = jdbc.query(
                        "select kind, counted from " + table + " where expires_at < ? fetch first " + CLEANUP_BATCH
                                + " rows only for update skip locked",
                        (result, number) -> new Object[] {result.getString(1), result.getString(2)},
                        before);
                if (!expired.isEmpty()) {
                    jdbc.batchUpdate("delete from " + table + " where kind = ? and counted = ?", expired);
                }
                return expired.size();
            });
        } while (deleted == CLEANUP_BATCH);
    }

    /**
     * What is counted as kept: as it is, or {@code #} and its SHA-256 when longer than any real username, address or
     * token, so that a flood of long keys fits the column and costs no more than short ones.
     */
    public static String key(String counted) {
        if (counted.length() <= MAX_KEY_LENGTH) {
            return counted;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(counted.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Times as a row keeps them: epoch milliseconds, comma-separated, in the order given. */
    public static String format(List<Instant> times) {
        return times.stream().map(time -> Long.toString(time.toEpochMilli())).collect(Collectors.joining(","));
    }

    /** The times a row keeps, in its order; none for an empty or missing column. */
    public static List<Instant> parse(String times) {
        List<Instant> parsed = new ArrayList<>();
        if (times != null && !times.isEmpty()) {
            for (String time : times.split(",")) {
                parsed.add(Instant.ofEpochMilli(Long.parseLong(time)));
            }
        }
        return parsed;
    }
}
