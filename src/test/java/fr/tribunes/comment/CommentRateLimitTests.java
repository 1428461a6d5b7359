package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.TestClock;
import fr.tribunes.storage.CountedRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What one sender, or one rendered form, may post, on a clock the test moves, with the counts where the application
 * keeps them: in the database, on the real migrations (H2 here; see the PostgreSQL subclass). Two limits on one
 * database are two instances of the application behind a load balancer.
 */
@JdbcTest(properties = "spring.datasource.url=jdbc:h2:mem:comment-rate-limit;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// The limit commits transactions of its own, as in the application: no test transaction around them.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CommentRateLimitTests {

    static final CommentSettings SETTINGS =
            new CommentSettings(null, Duration.ofSeconds(3), Duration.ofDays(7), 5, Duration.ofMinutes(10), 2, 10, 50);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    CommentRateLimit limit;

    @BeforeEach
    void noCountsYet() {
        jdbc.update("delete from comment_rate_limit");
        limit = instance();
    }

    /** Another limit on the same database and clock: what another instance of the application has. */
    CommentRateLimit instance() {
        return new CommentRateLimit(SETTINGS, clock, jdbc, transactions);
    }

    @Test
    void anIpv6SubscriberCountsAsOneSenderWhateverAddressOfItsNetworkItUses() {
        for (int i = 1; i <= 5; i++) {
            assertThat(limit.tryAcquire("2001:db8:1:2:" + Integer.toHexString(i) + "::" + i))
                    .isTrue();
        }

        assertThat(limit.tryAcquire("2001:db8:1:2:ffff:ffff:ffff:ffff")).isFalse();
        assertThat(limit.tryAcquire("2001:db8:1:3::1")).isTrue();
        assertThat(CommentRateLimit.network("2001:0db8:0001:0002:0000:0000:0000:0001"))
                .isEqualTo(CommentRateLimit.network("2001:db8:1:2::ab"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(CommentRateLimit.network("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void oneFormCarriesTenCommentsInTenMinutesFromAnyNumberOfAddresses() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limit.tryAcquireToken("jeton")).as("comment %d", i).isTrue();
        }

        assertThat(limit.tryAcquireToken("jeton")).isFalse();
        assertThat(limit.tryAcquireToken("autre-jeton")).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limit.tryAcquireToken("jeton")).isTrue();
    }

    @Test
    void twoInstancesCountASenderAgainstOneLimit() {
        CommentRateLimit other = instance();
        for (int i = 1; i <= 5; i++) {
            assertThat((i % 2 == 0 ? limit : other).tryAcquire("192.0.2.7"))
                    .as("comment %d", i)
                    .isTrue();
        }

        assertThat(limit.tryAcquire("192.0.2.7")).isFalse();
        assertThat(other.tryAcquire("192.0.2.7")).isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(other.tryAcquire("192.0.2.7")).isTrue();
    }

    @Test
    void commentsSentTogetherToTwoInstancesPassNoMoreThanTheLimit() throws Exception {
        List<CommentRateLimit> instances = List.of(limit, instance());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                CommentRateLimit instance = instances.get(i % 2);
                sent.add(threads.submit(() -> {
                    start.await();
                    return instance.tryAcquire("198.51.100.9");
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Boolean> result : sent) {
                taken += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(taken).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFloodOfAddressesLeavesNoRowOnceItsWindowIsOver() {
        for (int i = 0; i < 300; i++) {
            limit.tryAcquire("203.0.113." + (i % 250));
        }
        assertThat(limit.tryAcquireToken("x".repeat(5000))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from comment_rate_limit", Long.class))
                .isEqualTo(251);
        assertThat(jdbc.queryForList("select counted from comment_rate_limit", String.class))
                .allSatisfy(counted -> assertThat(counted).hasSizeLessThanOrEqualTo(CountedRows.MAX_KEY_LENGTH));

        clock.advance(Duration.ofMinutes(10));
        limit.deleteExpired();
        assertThat(jdbc.queryForObject("select count(*) from comment_rate_limit", Long.class))
                .as("nothing is over before the window is")
                .isEqualTo(251);
        clock.advance(Duration.ofSeconds(1));
        limit.deleteExpired();

        assertThat(jdbc.queryForObject("select count(*) from comment_rate_limit", Long.class))
                .isZero();
    }
}
