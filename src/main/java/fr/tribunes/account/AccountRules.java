package fr.tribunes.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes a username or a password acceptable, wherever one is chosen: a form or the start-up settings. */
final class AccountRules {

    static final int MIN_PASSWORD_LENGTH = 12;

    /** bcrypt reads no further than 72 bytes, and Spring Security refuses to hash a longer password. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MAX_USERNAME_LENGTH = 100;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3," + MAX_USERNAME_LENGTH + "}");

    private AccountRules() {}

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /**
     * A username as typed in the sign-in form, in the form it is stored: without surrounding spaces, in lower
     * case. Throttling counts failures under this form too, so that "Redaction " and "redaction" share a count.
     */
    static String normaliseUsername(String typed) {
        if (typed == null) {
            return "";
        }
        String username = typed.strip().toLowerCase(Locale.ROOT);
        // No username is longer; a longer one must not make the throttle keep a long key.
        return username.length() > MAX_USERNAME_LENGTH ? username.substring(0, MAX_USERNAME_LENGTH + 1) : username;
    }

    static boolean isTooShort(String password) {
        return password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH;
    }

    /**
     * Whether a password is easy to guess, as NIST SP 800-63B asks verifiers to check (no composition rules): a common
     * password, a dictionary word or name, repeated or sequential characters, a keyboard pattern, or one made from the
     * username. Measured with zxcvbn (its password and word lists ship in its jar), refused below its score 3 ("safely
     * unguessable": about 10⁸ guesses, beyond an online attack). The lists are read for each check and not kept: a
     * password is chosen rarely, and the heap is small.
     */
    static boolean isGuessable(String password, String username) {
        List<String> context = new ArrayList<>(List.of("tribunes", "redaction", "rédaction", "tribune", "archive"));
        if (username != null && !username.isBlank()) {
            context.add(username);
        }
        return new Zxcvbn().measure(password, context).getScore() < 3;
    }

    static boolean isTooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
