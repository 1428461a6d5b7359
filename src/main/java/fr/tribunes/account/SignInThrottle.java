package fr.tribunes.account;

import fr.tribunes.storage.CountedRows;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Decides whether a password may be checked, so that passwords cannot be guessed by trying many, without letting
 * anyone lock an editor out (OWASP's Authentication Cheat Sheet: per-account throttling that slows guessing rather
 * than locking the account everywhere). Three counts, within {@link SignInLimits#window()}:
 *
 * <ul>
 *   <li>one username from one address: after {@code maxFailuresPerUsername} failures, that username is suspended
 *       from that address only, for {@link SignInLimits#lockout()};
 *   <li>one address, whatever the usernames: after {@code maxFailuresPerAddress}, the address is suspended;
 *   <li>one username from every address (guessing spread over many): beyond {@code maxFailuresPerUsername}
 *       failures, each check from an address the editor has not signed in from waits a delay that doubles with
 *       each failure, up to {@link #LONGEST_DELAY}. The addresses the editor signed in from lately are spared it.
 * </ul>
 *
 * <p>An attempt is counted when it is allowed, before the password is checked ({@link #reserve}), and given back
 * when it succeeds: however many arrive at once, on however many instances, no more passwords are checked than the
 * limits allow. The counts are kept in the database ({@code sign_in_throttle}, V14, as {@link CountedRows}), shared
 * by every instance: each decision reads the rows it needs with {@code select … for update} and writes them in the
 * same short transaction, so that instances deciding at once wait for each other's, and none is lost. Rows are locked
 * in one order (the username from the address, the address, the username, the trusted address), so two decisions
 * never wait for each other in a circle. A row that no longer means anything is deleted: when it is written, or by
 * {@link #deleteExpired()} once its window and suspension are over, so that a flood of usernames or addresses leaves
 * no more rows than the attempts it was allowed in a window. Only signing in and the current-password check come
 * here: readers never do.
 */
@Component
class SignInThrottle {

    /** The longest wait between two checks of one username's password from unknown addresses. */
    static final Duration LONGEST_DELAY = Duration.ofSeconds(60);

    /** How long an address the editor signed in from is spared the username's delay. */
    static final Duration TRUSTED_FOR = Duration.ofDays(30);

    /** What is counted, in {@code sign_in_throttle.kind}. */
    static final String PAIR = "pair";

    static final String ADDRESS = "address";

    static final String USERNAME = "username";

    static final String TRUSTED = "trusted";

    private final SignInLimits limits;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    private final CountedRows rows;

    SignInThrottle(SignInLimits limits, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.limits = limits;
        this.clock = clock;
        this.jdbc = jdbc;
        this.rows = new CountedRows("sign_in_throttle", jdbc, transactionManager);
    }

    /** A password check allowed and counted: say how it went. */
    interface Attempt {

        /** The right password: the username's counts from this address are forgotten, the address trusted. */
        void succeeded();

        /** A wrong password: it stays counted. */
        void failed();
    }

    /**
     * Counts an attempt for this username from this address, if one is allowed now.
     *
     * @throws SignInSuspendedException when none is, with how long to wait; nothing is then counted
     * @throws org.springframework.dao.DataAccessException when the database does not answer
     */
    Attempt reserve(String username, String address) {
        Instant now = now();
        String pair = CountedRows.key(username + '\n' + address);
        String from = CountedRows.key(address);
        String who = CountedRows.key(username);
        Refusal refusal = rows.inTransaction(() -> take(pair, from, who, now));
        if (refusal != null) {
            throw new SignInSuspendedException(Duration.between(now, refusal.until), refusal.delay);
        }
        return new Attempt() {
            @Override
            public void succeeded() {
                rows.inTransaction(() -> {
                    jdbc.update("delete from sign_in_throttle where kind = ? and counted = ?", PAIR, pair);
                    jdbc.update("delete from sign_in_throttle where kind = ? and counted = ?", USERNAME, who);
                    Row trusted = lock(TRUSTED, pair);
                    save(TRUSTED, pair, trusted, new Row(List.of(), now.plus(TRUSTED_FOR)), now);
                    return null;
                });
            }

            @Override
            public void failed() {
                rows.inTransaction(() -> {
                    Row delay = lock(USERNAME, who);
                    save(
                            USERNAME,
                            who,
                            delay,
                            Delay.of(delay).failed(now, limits).row(),
                            now);
                    return null;
                });
            }
        };
    }

    /**
     * The decision, in one transaction: the counts it needs locked in a fixed order, the attempt counted where it is
     * allowed; when refused, only a suspension that starts now is written, and the counts taken before it are given
     * back by not being written.
     */
    private Refusal take(String pair, String address, String username, Instant now) {
        Refusal refusal = new Refusal();
        Row pairRow = lock(PAIR, pair);
        Counts pairCounts = Counts.of(pairRow)
                .take(now, limits.window(), limits.maxFailuresPerUsername(), limits.lockout(), refusal);
        if (refusal.until != null) {
            save(PAIR, pair, pairRow, pairCounts.row(), now);
            return refusal;
        }
        Row addressRow = lock(ADDRESS, address);
        Counts addressCounts = Counts.of(addressRow)
                .take(now, limits.window(), limits.maxFailuresPerAddress(), limits.lockout(), refusal);
        if (refusal.until != null) {
            save(ADDRESS, address, addressRow, addressCounts.row(), now);
            return refusal;
        }
        if (!trusted(pair, now)) {
            Row usernameRow = lock(USERNAME, username);
            Delay delay = Delay.of(usernameRow).take(now, limits, refusal);
            if (refusal.until != null) {
                return refusal;
            }
            save(USERNAME, username, usernameRow, delay.row(), now);
        }
        save(PAIR, pair, pairRow, pairCounts.row(), now);
        save(ADDRESS, address, addressRow, addressCounts.row(), now);
        return null;
    }

    private boolean trusted(String pair, Instant now) {
        List<OffsetDateTime> until = jdbc.queryForList(
                "select until_at from sign_in_throttle where kind = ? and counted = ?",
                OffsetDateTime.class,
                TRUSTED,
                pair);
        return !until.isEmpty()
                && until.get(0) != null
                && until.get(0).toInstant().isAfter(now);
    }

    /** The row, locked until the transaction ends, or null when there is none (then nobody else can write it). */
    private Row lock(String kind, String counted) {
        List<Row> found = jdbc.query(
                "select times, until_at from sign_in_throttle where kind = ? and counted = ? for update",
                (result, number) -> {
                    OffsetDateTime until = result.getObject(2, OffsetDateTime.class);
                    return new Row(CountedRows.parse(result.getString(1)), until == null ? null : until.toInstant());
                },
                kind,
                counted);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Writes what a row now holds: nothing when it did not change; deleted, or never inserted, when it means nothing
     * any more (no attempt in it, no suspension running), as after an attempt given back.
     */
    private void save(String kind, String counted, Row before, Row after, Instant now) {
        boolean meaningless = after.times().isEmpty()
                && (after.until() == null || !after.until().isAfter(now));
        if (meaningless) {
            if (before != null) {
                jdbc.update("delete from sign_in_throttle where kind = ? and counted = ?", kind, counted);
            }
            return;
        }
        if (after.equals(before)) {
            return;
        }
        Instant expires = after.until() == null ? Instant.EPOCH : after.until();
        for (Instant time : after.times()) {
            Instant over = time.plus(limits.window());
            if (over.isAfter(expires)) {
                expires = over;
            }
        }
        SqlParameterValue until = new SqlParameterValue(
                Types.TIMESTAMP_WITH_TIMEZONE,
                after.until() == null ? null : OffsetDateTime.ofInstant(after.until(), ZoneOffset.UTC));
        OffsetDateTime expiresAt = OffsetDateTime.ofInstant(expires, ZoneOffset.UTC);
        if (before == null) {
            // Two instances inserting the same row at once: one gets a duplicate key and tries again, and then
            // finds the other's row to lock.
            jdbc.update(
                    "insert into sign_in_throttle (kind, counted, times, until_at, expires_at) values (?, ?, ?, ?, ?)",
                    kind,
                    counted,
                    CountedRows.format(after.times()),
                    until,
                    expiresAt);
        } else {
            jdbc.update(
                    "update sign_in_throttle set times = ?, until_at = ?, expires_at = ? where kind = ? and counted = ?",
                    CountedRows.format(after.times()),
                    until,
                    expiresAt,
                    kind,
                    counted);
        }
    }

    /**
     * Deletes the rows whose window and suspension are over, a thousand at a time. Each instance runs it every
     * minute; rows another transaction holds are skipped (the next run takes them), so that it never waits for a
     * decision, nor a decision for it in a circle.
     */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void deleteExpired() {
        rows.deleteExpired(clock.instant());
    }

    /** Milliseconds: what the rows keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What a row of {@code sign_in_throttle} holds: times oldest first, and a moment or null. */
    private record Row(List<Instant> times, Instant until) {}

    /** Set when the attempt is refused: until when. */
    private static final class Refusal {
        Instant until;

        /** Refused by the username's delay, not by a suspension. */
        boolean delay;
    }

    /**
     * The recent attempts of one username from one address, or from one address: counted when allowed.
     *
     * @param times when the attempts counted were allowed, oldest first
     * @param lockedUntil when attempts may be made again, or null when they may now
     */
    private record Counts(List<Instant> times, Instant lockedUntil) {

        static Counts of(Row row) {
            return row == null ? new Counts(List.of(), null) : new Counts(row.times(), row.until());
        }

        Row row() {
            return new Row(times, lockedUntil);
        }

        Counts take(Instant now, Duration window, int max, Duration lockout, Refusal refusal) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                refusal.until = lockedUntil;
                return this;
            }
            List<Instant> recent = recent(times, now.minus(window));
            if (recent.size() >= max) {
                refusal.until = now.plus(lockout);
                return new Counts(List.of(), refusal.until);
            }
            recent.add(now);
            recent.sort(null);
            return new Counts(List.copyOf(recent), null);
        }
    }

    /**
     * One username's recent failures from every address, and when its password may next be checked from an address
     * it is not trusted from.
     */
    private record Delay(List<Instant> failures, Instant next) {

        static Delay of(Row row) {
            return row == null ? new Delay(List.of(), null) : new Delay(row.times(), row.until());
        }

        Row row() {
            return new Row(failures, next);
        }

        Delay take(Instant now, SignInLimits limits, Refusal refusal) {
            if (next != null && next.isAfter(now)) {
                refusal.until = next;
                refusal.delay = true;
                return this;
            }
            List<Instant> recent = recent(failures, now.minus(limits.window()));
            Duration wait = wait(recent.size() + 1, limits);
            // Within the per-username limit nothing is written: the next check need not wait either.
            if (wait.isZero()) {
                return this;
            }
            // Counted as if it failed, so that checks arriving together wait their turn.
            return new Delay(List.copyOf(recent), now.plus(wait));
        }

        Delay failed(Instant now, SignInLimits limits) {
            List<Instant> recent = recent(failures, now.minus(limits.window()));
            recent.add(now);
            recent.sort(null);
            Instant after = now.plus(wait(recent.size(), limits));
            // Beyond this many, more failures would not lengthen the delay: the newest are enough to keep.
            int enough = limits.maxFailuresPerUsername() + 7;
            List<Instant> kept =
                    recent.size() > enough ? recent.subList(recent.size() - enough, recent.size()) : recent;
            return new Delay(List.copyOf(kept), next != null && next.isAfter(after) ? next : after);
        }

        /** None up to the per-username limit, then 1 s, 2 s, 4 s… up to {@link #LONGEST_DELAY}. */
        static Duration wait(int failures, SignInLimits limits) {
            int beyond = failures - limits.maxFailuresPerUsername();
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(beyond - 1, 6));
            return wait.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : wait;
        }
    }

    private static List<Instant> recent(List<Instant> times, Instant from) {
        List<Instant> recent = new ArrayList<>(times.size() + 1);
        for (Instant time : times) {
            if (time.isAfter(from)) {
                recent.add(time);
            }
        }
        return recent;
    }
}
