package fr.tribunes.comment;

import fr.tribunes.storage.CountedRows;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How many comments each remote address sent lately: at most {@code max-per-address} within {@code window}. Kept in
 * the database ({@code comment_rate_limit}, V14, as {@link CountedRows}), so that every instance behind a load
 * balancer counts against the same limit and a restart forgets nothing: each count reads its row with
 * {@code select … for update} and writes it in the same short transaction, so that instances counting at once wait
 * for each other, and no comment is let through beyond the limit. Bounded: a row holds at most the limit's worth of
 * times, and {@link #deleteExpired()} deletes it once its window is over, so that a flood of addresses leaves no more
 * rows than the comments it was allowed in a window. Only a comment sent comes here: readers reading never do.
 */
@Component
class CommentRateLimit {

    /** What is counted, in {@code comment_rate_limit.kind}. */
    static final String ADDRESS = "address";

    static final String TOKEN = "token";

    private final CommentSettings settings;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    private final CountedRows rows;

    CommentRateLimit(
            CommentSettings settings, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.rows = new CountedRows("comment_rate_limit", jdbc, transactionManager);
    }

    /**
     * Counts one comment from this address now, unless the address has reached its limit: then false. IPv6 addresses
     * count by their /64 network, which one subscriber is given whole: billions of addresses, one sender.
     */
    boolean tryAcquire(String address) {
        String network = network(address);
        return take(ADDRESS, network == null ? "" : network, settings.maxPerAddress());
    }

    /**
     * Counts one comment sent with this form token, unless it has carried {@code max-per-token} within
     * {@code window} already. A token is good for 7 days from any address, and is shared by every reader of the
     * cached page it is in: limited per period, it serves them, not a flood from many addresses.
     */
    boolean tryAcquireToken(String token) {
        return take(TOKEN, token == null ? "" : token, settings.maxPerToken());
    }

    private boolean take(String kind, String counted, int max) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = now.minus(settings.window());
        String key = CountedRows.key(counted);
        return rows.inTransaction(() -> {
            List<String> row = jdbc.queryForList(
                    "select times from comment_rate_limit where kind = ? and counted = ? for update",
                    String.class,
                    kind,
                    key);
            List<Instant> recent = new ArrayList<>();
            for (Instant sent : CountedRows.parse(row.isEmpty() ? null : row.get(0))) {
                if (sent.isAfter(from)) {
                    recent.add(sent);
                }
            }
            if (recent.size() >= max) {
                return false;
            }
            recent.add(now);
            recent.sort(null);
            String times = CountedRows.format(recent);
            OffsetDateTime expires =
                    OffsetDateTime.ofInstant(recent.get(recent.size() - 1).plus(settings.window()), ZoneOffset.UTC);
            if (row.isEmpty()) {
                // Two instances inserting the same row at once: one gets a duplicate key and counts again, then
                // finds the other's row to lock.
                jdbc.update(
                        "insert into comment_rate_limit (kind, counted, times, expires_at) values (?, ?, ?, ?)",
                        kind,
                        key,
                        times,
                        expires);
            } else {
                jdbc.update(
                        "update comment_rate_limit set times = ?, expires_at = ? where kind = ? and counted = ?",
                        times,
                        expires,
                        kind,
                        key);
            }
            return true;
        });
    }

    /**
     * Deletes the rows whose window is over, a thousand at a time. Each instance runs it every minute; rows another
     * transaction holds are skipped (the next run takes them), so that it never waits for a count.
     */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void deleteExpired() {
        rows.deleteExpired(clock.instant());
    }

    /** The address an IPv4 sender is known by, or the /64 network of an IPv6 one. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal: no name is looked up.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
