package fr.tribunes.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in: at start-up, when there is no editor, creates one from
 * {@link FirstEditorSettings}. There is no default password: without one configured, a random password is
 * generated and logged once. Nothing is created when an editor exists.
 */
@Component
class FirstEditor implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstEditor.class);

    /** Letters and digits that cannot be mistaken for one another when copied from a log: no 0/O, 1/l/I. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** 24 characters from 57: about 140 bits. */
    static final int GENERATED_LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FirstEditorSettings settings;

    private final EditorAccounts accounts;

    FirstEditor(FirstEditorSettings settings, EditorAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        check(settings);
        if (accounts.anyExists()) {
            if (settings.password() != null) {
                log.info("Editors exist: tribunes.admin.password (TRIBUNES_ADMIN_PASSWORD) is ignored and may be"
                        + " removed. Editors change their password at /admin/mot-de-passe.");
            }
            return;
        }
        boolean generated = settings.password() == null;
        String password = generated ? generatePassword() : settings.password();
        try {
            accounts.add(settings.username(), password, null);
        } catch (UsernameTakenException e) {
            // Another instance of the archive, sharing the database, created it a moment ago.
            log.info("The first editor '{}' was created by another instance.", settings.username());
            return;
        }
        if (generated) {
            log.warn(
                    "No editor existed, so the editor '{}' was created with this generated password: {} — sign in"
                            + " at /connexion and change it at /admin/mot-de-passe. It will not be shown again. To"
                            + " choose it yourself instead, set TRIBUNES_ADMIN_PASSWORD before the first start.",
                    settings.username(),
                    password);
        } else {
            log.info(
                    "No editor existed, so the editor '{}' was created with the password set in"
                            + " tribunes.admin.password (TRIBUNES_ADMIN_PASSWORD).",
                    settings.username());
        }
    }

    /** Refuses settings no editor could be created from, without ever repeating the password. */
    static void check(FirstEditorSettings settings) {
        if (!AccountRules.isValidUsername(settings.username())) {
            throw new IllegalStateException("tribunes.admin.username (TRIBUNES_ADMIN_USERNAME) must be 3 to "
                    + AccountRules.MAX_USERNAME_LENGTH
                    + " characters among a-z, 0-9, '.', '_' and '-'.");
        }
        String password = settings.password();
        if (password != null && AccountRules.isTooShort(password)) {
            throw new IllegalStateException("tribunes.admin.password (TRIBUNES_ADMIN_PASSWORD) is shorter than "
                    + AccountRules.MIN_PASSWORD_LENGTH
                    + " characters: choose a longer one, or unset it to have a random password generated and"
                    + " logged.");
        }
        if (password != null && AccountRules.isTooLong(password)) {
            throw new IllegalStateException("tribunes.admin.password (TRIBUNES_ADMIN_PASSWORD) is longer than "
                    + AccountRules.MAX_PASSWORD_BYTES + " bytes, more than bcrypt can hash: choose a shorter one.");
        }
        if (password != null && AccountRules.isGuessable(password, settings.username())) {
            throw new IllegalStateException(
                    "tribunes.admin.password (TRIBUNES_ADMIN_PASSWORD) is easy to guess (a common"
                            + " password, a word, repeated or sequential characters, or the username): choose another, a few"
                            + " unrelated words for instance, or unset it to have a random password generated and logged.");
        }
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
