package fr.tribunes.comment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The comment form's safeguards ({@code tribunes.comments.*}).
 *
 * @param secret the key that signs the forms; when blank, one is generated at the first start and kept in the
 *     database, shared by every instance (see {@link FormTokens})
 * @param minDelay how long after a form was rendered it may be sent: people take longer than scripts
 * @param maxAge how long a rendered form stays valid; an older one is shown again with a fresh token
 * @param maxPerAddress how many comments one remote address may send within {@code window}
 * @param window the period of that limit
 * @param maxLinks how many links a comment may carry before it is held as likely spam
 * @param maxPerToken how many comments one rendered form (its token, shared by the readers of a cached page) may
 *     carry within {@code window}, whatever the addresses
 * @param maxPendingPerArticle how many comments may wait for moderation on one op-ed; beyond, new ones are refused
 *     until moderators catch up
 */
@ConfigurationProperties("tribunes.comments")
record CommentSettings(
        String secret,
        @DefaultValue("3s") Duration minDelay,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("5") int maxPerAddress,
        @DefaultValue("10m") Duration window,
        @DefaultValue("2") int maxLinks,
        @DefaultValue("10") int maxPerToken,
        @DefaultValue("50") int maxPendingPerArticle) {

    /** The shortest secret accepted: 32 characters. */
    static final int MIN_SECRET_LENGTH = 32;

    CommentSettings {
        secret = secret == null || secret.isBlank() ? null : secret.strip();
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "tribunes.comments.secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        if (minDelay.isNegative() || maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(minDelay) <= 0) {
            throw new IllegalArgumentException(
                    "tribunes.comments.min-delay must be zero or more, and max-age longer than min-delay");
        }
        if (maxPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "tribunes.comments.max-per-address must be at least 1 and window a positive duration");
        }
        if (maxLinks < 0) {
            throw new IllegalArgumentException("tribunes.comments.max-links must be zero or more");
        }
    }
}
