package fr.tribunes.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counts behind the suspension of signing in, on a clock the test moves. */
class SignInThrottleTests {

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    final SignInThrottle throttle =
            new SignInThrottle(new SignInLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void fourFailuresAreForgivenTheFifthSuspendsTheUsernameForFifteenMinutes() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure("marie", "192.0.2.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.suspendedFor("marie", "192.0.2.1")).isEmpty();

        throttle.recordFailure("marie", "192.0.2.2");

        assertThat(throttle.suspendedFor("marie", "192.0.2.3")).contains(Duration.ofMinutes(15));
        assertThat(throttle.suspendedFor("paul", "192.0.2.3")).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.suspendedFor("marie", "192.0.2.3")).isEmpty();
    }

    @Test
    void failuresOlderThanFifteenMinutesNoLongerCount() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure("marie", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(15));

        throttle.recordFailure("marie", "192.0.2.1");

        assertThat(throttle.suspendedFor("marie", "192.0.2.1")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheUsernamesFailuresButNotTheAddresses() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure("marie", "192.0.2.1");
        }
        throttle.recordSuccess("marie");
        throttle.recordFailure("marie", "192.0.2.1");
        assertThat(throttle.suspendedFor("marie", "192.0.2.9")).isEmpty();

        for (int failure = 6; failure <= 20; failure++) {
            throttle.recordFailure("inconnu-" + failure, "192.0.2.1");
        }
        assertThat(throttle.suspendedFor("paul", "192.0.2.1")).contains(Duration.ofMinutes(15));
        assertThat(throttle.suspendedFor("paul", "192.0.2.2")).isEmpty();
    }

    @Test
    void theWaitIsToldInWholeMinutesRoundedUp() {
        assertThat(new SignInSuspendedException(Duration.ofMinutes(15)).minutes())
                .isEqualTo(15);
        assertThat(new SignInSuspendedException(Duration.ofSeconds(61)).minutes())
                .isEqualTo(2);
        assertThat(new SignInSuspendedException(Duration.ofSeconds(1)).minutes())
                .isEqualTo(1);
    }
}
