package fr.tribunes.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Signing in is suspended for this username or address after too many failures; the password was not checked. */
class SignInSuspendedException extends AuthenticationException {

    private final transient Duration remaining;

    SignInSuspendedException(Duration remaining) {
        super("Too many failed sign-ins");
        this.remaining = remaining;
    }

    /** The whole minutes to wait, rounded up: "réessayez dans 1 minute" rather than "dans 0 minute". */
    long minutes() {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
