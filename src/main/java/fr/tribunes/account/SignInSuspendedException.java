package fr.tribunes.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Signing in is suspended for this username or address, or must wait, after too many failures; the password was not checked. */
class SignInSuspendedException extends AuthenticationException {

    private final transient Duration remaining;

    private final boolean delay;

    /**
     * @param remaining how long until a password may be checked again
     * @param delay whether this is the username's short delay between checks (told in seconds), rather than a
     *     suspension of this username or address (told in minutes)
     */
    SignInSuspendedException(Duration remaining, boolean delay) {
        super("Too many failed sign-ins");
        this.remaining = remaining;
        this.delay = delay;
    }

    Duration remaining() {
        return remaining;
    }

    /** Whether this is the username's delay between checks, at most a minute: told in seconds. */
    boolean isDelay() {
        return delay;
    }

    /** The whole seconds to wait, rounded up. */
    long seconds() {
        return Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
    }

    /** The whole minutes to wait, rounded up: "réessayez dans 1 minute" rather than "dans 0 minute". */
    long minutes() {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
