package fr.tribunes.account;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password only when {@link SignInThrottle} allows an attempt for that username from the
 * address it comes from, and tells it how the check went.
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
        try {
            // Counted before the password is checked: attempts arriving together cannot all pass the limits.
            SignInThrottle.Attempt counted = throttle.reserve(username, address);
            try {
                Authentication result = passwords.authenticate(attempt);
                counted.succeeded();
                return result;
            } catch (BadCredentialsException e) {
                counted.failed();
                throw e;
            }
        } catch (DataAccessException unanswered) {
            // The counts are in the database: when it does not answer, no password is checked, and the sign-in page
            // says that something went wrong rather than that the password was.
            throw new InternalAuthenticationServiceException("The sign-in throttle could not count", unanswered);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
