package fr.tribunes.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which password checks the sign-in throttle allows, on a clock the test moves. */
class SignInThrottleTests {

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    final SignInThrottle throttle =
            new SignInThrottle(new SignInLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

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
}
