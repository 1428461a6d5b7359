package fr.tribunes.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first editor, created at start-up when there is none ({@code tribunes.admin.*}, or the environment
 * variables {@code TRIBUNES_ADMIN_USERNAME} and {@code TRIBUNES_ADMIN_PASSWORD}). Ignored once an editor exists.
 *
 * @param username defaults to {@code redaction}
 * @param password null when not configured: a random one is then generated and logged once
 */
@ConfigurationProperties("tribunes.admin")
record FirstEditorSettings(String username, String password) {

    static final String DEFAULT_USERNAME = "redaction";

    FirstEditorSettings {
        username = username == null || username.isBlank() ? DEFAULT_USERNAME : username.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    /** Never the password: these settings may end up in a log. */
    @Override
    public String toString() {
        return "FirstEditorSettings[username=" + username + ", password=" + (password == null ? "unset" : "set") + "]";
    }
}
