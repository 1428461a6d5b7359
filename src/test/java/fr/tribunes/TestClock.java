package fr.tribunes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock that stands still until a test moves it forward (sign-in throttle, comment form delay, rate limits). */
public class TestClock extends Clock {

    /**
     * Puts a test clock in the application, in place of the system's. It starts an hour after the application does,
     * so that what it dates never comes before what the database dates by itself (the seed, written by a migration;
     * columns that default to the database's time), however long the tests run.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tests read the time in UTC");
    }
}
