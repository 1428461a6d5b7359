package fr.tribunes.comment;

import fr.tribunes.pagecache.RenderTimeValues;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed token the comment form carries, in place of Spring Security's CSRF token.
 *
 * <p>Why not the usual token: the op-ed page is public, kept by browsers and CDNs ({@code Cache-Control: public},
 * ETag) and opens no session. A session's CSRF token in its form would make every reader's page different, open a
 * session for every reader and send them a cookie. So {@code POST /tribunes/{slug}/commentaires}, and it alone, is
 * left out of Spring Security's CSRF check (see {@code SecurityConfiguration}) and protected instead by:
 *
 * <ul>
 *   <li>this token: HMAC-SHA256, with a server secret, over the op-ed's slug and the second the form was rendered,
 *       written {@code <epoch seconds>.<signature>}. Nobody can forge one or move it to another op-ed; it tells when
 *       the form was shown, so that a form sent less than {@code min-delay} later (a script, not a person) is
 *       refused, and one older than {@code max-age} is shown again with a fresh token. It needs no storage: any
 *       instance checks any token. It is not secret: anyone can read one on the page, which is why
 *   <li>the {@code Origin} header (or, without it, {@code Referer}) of the post is also checked
 *       ({@link SameOrigin}): a browser posting the form from another site says so, and is refused. That, not the
 *       token, is what stops cross-site posts; there is no session to ride on, only the reader's address.
 * </ul>
 *
 * <p>The token changes every second, and the op-ed page must keep one ETag while the archive does not change: the
 * ETag filter leaves its value out ({@code data-etag-exempt}, see {@code HttpCaching}). A page revalidated from a
 * cache keeps its older token, which is valid for {@code max-age}.
 *
 * <p>The secret is {@code tribunes.comments.secret} when set (at least 32 characters); otherwise one is generated
 * at the first start and kept in the table {@code comment_secret}, so that every instance on the database signs
 * with the same key and a restart does not void the forms readers have open.
 */
@Component
class FormTokens implements RenderTimeValues {

    private static final String ALGORITHM = "HmacSHA256";

    /** Forms are signed for this purpose only: a signature made for something else never passes. */
    private static final String PURPOSE = "tribunes-comment-form";

    /** Clocks of instances sharing a database may differ a little: a token from slightly ahead is accepted. */
    private static final long CLOCK_SKEW_SECONDS = 60;

    private final SecretKeySpec key;

    private final CommentSettings settings;

    FormTokens(CommentSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        String secret = settings.secret() != null ? settings.secret() : storedSecret(jdbc);
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The database's secret, created by whichever instance starts first. */
    static String storedSecret(JdbcTemplate jdbc) {
        List<String> found = jdbc.queryForList("select secret from comment_secret where id = 1", String.class);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            jdbc.update(
                    "insert into comment_secret (id, secret, created_at) values (1, ?, ?)",
                    secret,
                    OffsetDateTime.now(ZoneOffset.UTC));
            return secret;
        } catch (DataIntegrityViolationException anotherInstanceWasFirst) {
            return jdbc.queryForObject("select secret from comment_secret where id = 1", String.class);
        }
    }

    /** A token for the form of this op-ed, rendered now. */
    String issue(String slug, Instant now) {
        long seconds = now.getEpochSecond();
        return seconds + "." + sign(slug, seconds);
    }

    /**
     * The token of an op-ed page served again from the page cache: one issued now, so that the minimum delay and
     * the expiry count from when the reader got the page. Only a token this op-ed's page really carried is renewed
     * (its signature is checked against the slug in the address), so the address cannot mint tokens for another.
     */
    @Override
    public String renew(String path, String stale, Instant now) {
        if (!path.startsWith(PAGE_PREFIX) || path.indexOf('/', PAGE_PREFIX.length()) >= 0) {
            return stale;
        }
        String slug = path.substring(PAGE_PREFIX.length());
        long second = now.getEpochSecond();
        Renewed last = renewed.get(slug);
        if (last != null && last.stale().equals(stale) && last.second() == second) {
            // A page served many times a second: one signature a second, not one an answer.
            return last.token();
        }
        if ((last == null || !last.stale().equals(stale)) && check(stale, slug, now) == Verdict.FORGED) {
            return stale;
        }
        String token = second + "." + sign(slug, second);
        if (renewed.size() > 10_000) {
            renewed.clear();
        }
        renewed.put(slug, new Renewed(stale, second, token));
        return token;
    }

    /** The last token issued for a kept page, and the token that page was kept with (checked once). */
    private record Renewed(String stale, long second, String token) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Renewed> renewed =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final String PAGE_PREFIX = "/tribunes/";

    /** What a token sent with a form is worth. */
    enum Verdict {
        /** Signed here, for this op-ed, long enough ago and not too long ago. */
        VALID,
        /** Sent sooner after the form was shown than a person could have written anything. */
        TOO_SOON,
        /** Rendered longer ago than {@code max-age}: the form is shown again with a fresh token. */
        EXPIRED,
        /** Missing, malformed, signed with another key or for another op-ed. */
        FORGED
    }

    Verdict check(String token, String slug, Instant now) {
        if (token == null || token.length() > 100) {
            return Verdict.FORGED;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || !token.substring(0, dot).matches("[0-9]{1,12}")) {
            return Verdict.FORGED;
        }
        long issued = Long.parseLong(token.substring(0, dot));
        byte[] expected = sign(slug, issued).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.FORGED;
        }
        long elapsed = now.getEpochSecond() - issued;
        if (elapsed < -CLOCK_SKEW_SECONDS) {
            return Verdict.FORGED;
        }
        if (elapsed > settings.maxAge().toSeconds()) {
            return Verdict.EXPIRED;
        }
        if (elapsed < settings.minDelay().toSeconds()) {
            return Verdict.TOO_SOON;
        }
        return Verdict.VALID;
    }

    private String sign(String slug, long seconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal((PURPOSE + "\n" + slug + "\n" + seconds).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
