package fr.tribunes.account;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password only when signing in is not suspended for that username or the address it comes
 * from, and counts the failures.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = AccountRules.normaliseUsername(attempt.getName());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        Optional<Duration> suspended = throttle.suspendedFor(username, address);
        if (suspended.isPresent()) {
            throw new SignInSuspendedException(suspended.get());
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.recordSuccess(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
