package fr.tribunes.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated before further attempts are refused ({@code tribunes.sign-in.*}).
 *
 * @param maxFailuresPerUsername failures for one username, within {@code window}, that suspend signing in with it
 * @param maxFailuresPerAddress failures from one address, whatever the usernames, that suspend signing in from it
 * @param window how far back failures are counted
 * @param lockout how long signing in stays suspended
 */
@ConfigurationProperties("tribunes.sign-in")
record SignInLimits(
        @DefaultValue("5") int maxFailuresPerUsername,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockout) {

    SignInLimits {
        if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("tribunes.sign-in.max-failures-per-* must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("tribunes.sign-in.window and lockout must be positive durations");
        }
    }
}
