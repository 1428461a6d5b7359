package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What one sender, or one rendered form, may post, on a clock the test moves. */
class CommentRateLimitTests {

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    final CommentRateLimit limit = new CommentRateLimit(
            new CommentSettings(null, Duration.ofSeconds(3), Duration.ofDays(7), 5, Duration.ofMinutes(10), 2, 10, 50),
            clock);

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
}
