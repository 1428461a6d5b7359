package fr.tribunes.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Which password checks the sign-in throttle allows, on a clock the test moves, with its counts where the
 * application keeps them: in the database, on the real migrations (H2 here; see the PostgreSQL subclass). Two
 * throttles on one database are two instances of the application behind a load balancer.
 */
@JdbcTest(properties = "spring.datasource.url=jdbc:h2:mem:sign-in-throttle;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// The throttle commits transactions of its own, as in the application: no test transaction around them.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SignInThrottleTests {

    static final SignInLimits LIMITS = new SignInLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    SignInThrottle throttle;

    @BeforeEach
    void noCountsYet() {
        jdbc.update("delete from sign_in_throttle");
        throttle = instance();
    }

    /** Another throttle on the same database and clock: what another instance of the application has. */
    SignInThrottle instance() {
        return new SignInThrottle(LIMITS, clock, jdbc, transactions);
    }

    /** A wrong password from this address; false when the check was not even allowed. */
    private boolean fail(String username, String address) {
        try {
            throttle.reserve(username, address).failed();
            return true;
        } catch (SignInSuspendedException e) {
            return false;
        }
    }

    private Duration refusal(String username, String address) {
        try {
            throttle.reserve(username, address).succeeded();
            return Duration.ZERO;
        } catch (SignInSuspendedException e) {
            return e.remaining();
        }
    }

    @Test
    void fiveFailuresSuspendTheUsernameFromThatAddressOnlyNotTheEditorElsewhere() {
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(fail("redaction", "203.0.113.66")).isTrue();
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(refusal("redaction", "203.0.113.66")).isEqualTo(Duration.ofMinutes(15));
        // The editor, from their own address, signs in at once.
        assertThat(refusal("redaction", "192.0.2.10")).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(fail("redaction", "203.0.113.66")).isTrue();
    }

    @Test
    void attemptsArrivingTogetherAreCountedBeforeTheirPasswordsAreChecked() throws Exception {
        int attempts = 100;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> checked = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                checked.add(threads.submit(() -> {
                    start.await();
                    try {
                        SignInThrottle.Attempt attempt = throttle.reserve("redaction", "203.0.113.66");
                        Thread.sleep(5); // the password check, meanwhile
                        attempt.failed();
                        return true;
                    } catch (SignInSuspendedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : checked) {
                allowed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
        // And the right password, sent last, is not checked either.
        assertThat(refusal("redaction", "203.0.113.66")).isPositive();
    }

    @Test
    void guessingSpreadOverManyAddressesIsSlowedDownToOneCheckAMinute() {
        int checked = 0;
        for (int second = 0; second < 600; second++) {
            if (fail("redaction", "198.51.100." + (second % 250) + "-" + second)) {
                checked++;
            }
            clock.advance(Duration.ofSeconds(1));
        }

        // Without the delay: 600 checks. With it: the first five, then 1 s, 2 s, 4 s… up to a minute between two.
        assertThat(checked).isBetween(10, 25);
        assertThat(refusal("redaction", "198.51.100.251")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAddressTheEditorSignedInFromIsSparedTheDelay() {
        throttle.reserve("redaction", "192.0.2.10").succeeded();
        for (int second = 0; second < 120; second++) {
            fail("redaction", "198.51.100." + second);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(refusal("redaction", "198.51.100.250")).isPositive();

        assertThat(refusal("redaction", "192.0.2.10")).isZero();
    }

    @Test
    void twentyFailuresFromOneAddressSuspendItWhateverTheUsername() {
        for (int failure = 1; failure <= 20; failure++) {
            assertThat(fail("inconnu-" + failure, "203.0.113.66")).isTrue();
        }

        assertThat(refusal("paul", "203.0.113.66")).isEqualTo(Duration.ofMinutes(15));
        assertThat(refusal("paul", "192.0.2.2")).isZero();
    }

    @Test
    void aSuccessForgetsTheFailuresBeforeIt() {
        for (int failure = 1; failure <= 4; failure++) {
            fail("marie", "192.0.2.1");
        }
        throttle.reserve("marie", "192.0.2.1").succeeded();
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(fail("marie", "192.0.2.1")).isTrue();
        }
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int failure = 1; failure <= 4; failure++) {
            fail("marie", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(15));

        for (int failure = 1; failure <= 4; failure++) {
            assertThat(fail("marie", "192.0.2.1")).isTrue();
        }
    }

    @Test
    void aSuspensionIsToldInWholeMinutesAndTheUsernamesDelayInSecondsBothRoundedUp() {
        for (int failure = 1; failure <= 5; failure++) {
            fail("marie", "192.0.2.1");
        }
        // The sixth attempt from there is refused: the suspension of 15 minutes starts now.
        assertThat(fail("marie", "192.0.2.1")).isFalse();
        clock.advance(Duration.ofMinutes(14).plusSeconds(30));

        assertThatThrownBy(() -> throttle.reserve("marie", "192.0.2.1"))
                .isInstanceOfSatisfying(SignInSuspendedException.class, suspended -> {
                    assertThat(suspended.isDelay()).isFalse();
                    assertThat(suspended.minutes()).isEqualTo(1);
                });

        // A sixth failure, from elsewhere: the username's next check from an unknown address waits a second.
        assertThat(fail("marie", "198.51.100.1")).isTrue();
        clock.advance(Duration.ofMillis(200));
        assertThatThrownBy(() -> throttle.reserve("marie", "198.51.100.2"))
                .isInstanceOfSatisfying(SignInSuspendedException.class, delayed -> {
                    assertThat(delayed.isDelay()).isTrue();
                    assertThat(delayed.seconds()).isEqualTo(1);
                });
    }

    @Test
    void failuresCountedByOneInstanceSuspendTheUsernameOnAnother() {
        SignInThrottle first = throttle;
        SignInThrottle second = instance();
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(fail(failure % 2 == 0 ? first : second, "redaction", "203.0.113.66"))
                    .isTrue();
        }

        for (SignInThrottle either : List.of(first, second)) {
            assertThatThrownBy(() -> either.reserve("redaction", "203.0.113.66"))
                    .isInstanceOfSatisfying(
                            SignInSuspendedException.class,
                            suspended -> assertThat(suspended.remaining()).isEqualTo(Duration.ofMinutes(15)));
        }
        // A success through one instance gives the attempt back and trusts the address on the other too.
        throttle.reserve("marie", "192.0.2.1").succeeded();
        for (int i = 0; i < 20; i++) {
            fail(second, "marie", "198.51.100." + i);
        }
        assertThat(refusal(second, "marie", "198.51.100.200")).isPositive();
        assertThat(refusal(second, "marie", "192.0.2.1")).isZero();
    }

    @Test
    void attemptsArrivingTogetherAtTwoInstancesPassTheLimitsNoMoreThanAtOne() throws Exception {
        List<SignInThrottle> instances = List.of(throttle, instance());
        int attempts = 60;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> checked = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                SignInThrottle instance = instances.get(i % 2);
                checked.add(threads.submit(() -> {
                    start.await();
                    try {
                        SignInThrottle.Attempt attempt = instance.reserve("paul", "203.0.113.77");
                        Thread.sleep(5); // the password check, meanwhile
                        attempt.failed();
                        return true;
                    } catch (SignInSuspendedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : checked) {
                allowed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
        // Not a count lost either: the username's five failures from everywhere make the next one wait.
        assertThat(jdbc.queryForObject(
                        "select times from sign_in_throttle where kind = 'username' and counted = 'paul'",
                        String.class))
                .matches("[0-9]+(,[0-9]+){4}");
    }

    @Test
    void aFloodOfUsernamesLeavesNoRowOnceItsWindowIsOver() {
        for (int i = 0; i < 40; i++) {
            fail("inconnu-" + i, "203.0.113." + (i % 2));
        }
        long counted = rows();
        // Refused attempts write nothing: 40 usernames from two addresses, suspended after 20 each.
        for (int i = 40; i < 400; i++) {
            assertThat(fail("inconnu-" + i, "203.0.113." + (i % 2))).isFalse();
        }
        assertThat(rows()).isEqualTo(counted);
        throttle.reserve("marie", "192.0.2.1").succeeded();

        clock.advance(Duration.ofMinutes(15));
        throttle.deleteExpired();
        assertThat(rows())
                .as("nothing is over before the window and the suspensions are")
                .isEqualTo(counted + 2);
        clock.advance(Duration.ofSeconds(1));
        throttle.deleteExpired();

        assertThat(jdbc.queryForList("select kind from sign_in_throttle", String.class))
                .as("only the address marie signed in from, trusted for 30 days")
                .containsExactly(SignInThrottle.TRUSTED);
        assertThat(fail("inconnu-0", "203.0.113.0")).isTrue();
    }

    @Test
    void anAddressLongerThanAnyRealOneIsCountedUnderItsDigest() {
        String address = "203.0.113.9, " + "x".repeat(5000);
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(fail("redaction", address)).isTrue();
        }

        assertThat(fail("redaction", address)).isFalse();
        assertThat(fail("redaction", address + "y")).isTrue();
        assertThat(jdbc.queryForList("select counted from sign_in_throttle", String.class))
                .allSatisfy(counted -> assertThat(counted).hasSizeLessThanOrEqualTo(CountedRows.MAX_KEY_LENGTH));
    }

    private boolean fail(SignInThrottle instance, String username, String address) {
        try {
            instance.reserve(username, address).failed();
            return true;
        } catch (SignInSuspendedException e) {
            return false;
        }
    }

    private Duration refusal(SignInThrottle instance, String username, String address) {
        try {
            instance.reserve(username, address).succeeded();
            return Duration.ZERO;
        } catch (SignInSuspendedException e) {
            return e.remaining();
        }
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from sign_in_throttle", Long.class);
    }
}
