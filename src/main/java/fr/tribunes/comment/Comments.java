package fr.tribunes.comment;

import fr.tribunes.article.ArticleComments;
import fr.tribunes.article.ArticleRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' side of comments: what an op-ed page shows of them ({@link ArticleComments}), and taking a comment
 * sent with the form. A comment is checked, then held for moderation; nothing a reader sends is shown before an
 * editor approves it.
 */
@Service
class Comments implements ArticleComments {

    static final int MAX_BODY = 5000;

    static final int MAX_NAME = 100;

    /** The longest address RFC 5321 allows through. */
    static final int MAX_EMAIL = 254;

    static final int MAX_WEBSITE = 300;

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH)
            .withZone(PARIS);

    /** Something, an at sign, something with a dot: strict enough to catch typing slips, loose enough for all. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(?:\\.[^\\s@.]+)+");

    private final CommentRepository comments;

    private final CommentClosures closures;

    private final FormTokens tokens;

    private final CommentRateLimit rateLimit;

    private final CommentSettings settings;

    private final MessageSource messages;

    private final Clock clock;

    Comments(
            CommentRepository comments,
            CommentClosures closures,
            FormTokens tokens,
            CommentRateLimit rateLimit,
            CommentSettings settings,
            MessageSource messages,
            Clock clock) {
        this.comments = comments;
        this.closures = closures;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Section sectionOf(long articleId, String slug) {
        List<ShownComment> approved = comments.findByArticle(articleId, CommentStatus.APPROVED).stream()
                .map(Comments::shown)
                .toList();
        boolean open = !closures.isClosed(articleId);
        return new Section(approved, open, open ? newToken(slug) : null);
    }

    /** A token for a form shown now. (No transaction here: a token needs no database.) */
    String newToken(String slug) {
        return tokens.issue(slug, clock.instant());
    }

    FormTokens.Verdict checkToken(String token, String slug) {
        return tokens.check(token, slug, clock.instant());
    }

    @Transactional(readOnly = true)
    boolean isClosed(long articleId) {
        return closures.isClosed(articleId);
    }

    /** What became of a comment sent. */
    enum Outcome {
        /** Stored, waiting for moderation. */
        HELD,
        /** Not stored: a field needs correcting (see the errors). */
        INVALID,
        /** Not stored: this address (or this form) sent too many comments lately. */
        TOO_MANY,
        /** Not stored: too many comments on this op-ed wait for moderation already. */
        QUEUE_FULL,
        /** Not stored: comments on this op-ed are closed. */
        CLOSED
    }

    /**
     * The result of sending a comment.
     *
     * @param errors by field name, in French, when {@link Outcome#INVALID}
     */
    record Submission(Outcome outcome, Map<String, String> errors) {}

    /**
     * Checks a comment and holds it for moderation. One with more links than {@code max-links} is held too, marked
     * as likely spam for the moderators.
     *
     * <p>Not one transaction: each read and the save are their own. The rate limit counts in a transaction of its
     * own, which may wait for another instance's count; inside this one it would hold a second connection from the
     * pool meanwhile, and a burst of comments could take them all.
     */
    Submission submit(ArticleRef article, CommentForm form, String remoteAddress) {
        if (closures.isClosed(article.id())) {
            return new Submission(Outcome.CLOSED, Map.of());
        }
        String body = CommentText.clean(form.getComment());
        String name = CommentText.cleanLine(form.getName());
        String email = CommentText.cleanLine(form.getEmail());
        String website = CommentText.cleanLine(form.getWebsite());
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.isEmpty()) {
            errors.put("comment", message("comment.error.comment.required"));
        } else if (body.length() > MAX_BODY) {
            errors.put("comment", message("comment.error.comment.too-long", body.length(), MAX_BODY));
        }
        if (name.isEmpty()) {
            errors.put("name", message("comment.error.name.required"));
        } else if (name.length() > MAX_NAME) {
            errors.put("name", message("comment.error.name.too-long", MAX_NAME));
        }
        if (email.isEmpty()) {
            errors.put("email", message("comment.error.email.required"));
        } else if (email.length() > MAX_EMAIL) {
            errors.put("email", message("comment.error.email.too-long", MAX_EMAIL));
        } else if (!EMAIL.matcher(email).matches()) {
            errors.put("email", message("comment.error.email.invalid", email));
        }
        if (website.length() > MAX_WEBSITE) {
            errors.put("website", message("comment.error.website.too-long", MAX_WEBSITE));
        } else if (!website.isEmpty() && !CommentText.isWebAddress(website)) {
            errors.put("website", message("comment.error.website.invalid"));
        }
        if (!errors.isEmpty()) {
            return new Submission(Outcome.INVALID, errors);
        }
        if (!rateLimit.tryAcquire(remoteAddress) || !rateLimit.tryAcquireToken(form.getToken())) {
            return new Submission(Outcome.TOO_MANY, Map.of());
        }
        if (comments.countByArticleIdAndStatus(article.id(), CommentStatus.PENDING)
                >= settings.maxPendingPerArticle()) {
            return new Submission(Outcome.QUEUE_FULL, Map.of());
        }
        boolean suspected = CommentText.countLinks(body) > settings.maxLinks();
        comments.save(new Comment(
                article.id(),
                name,
                email,
                website.isEmpty() ? null : website,
                body,
                clock.instant(),
                remoteAddress,
                suspected));
        return new Submission(Outcome.HELD, Map.of());
    }

    static ShownComment shown(Comment comment) {
        return new ShownComment(
                "commentaire-" + comment.id(),
                comment.authorName(),
                comment.website(),
                date(comment.createdAt()),
                isoDate(comment.createdAt()),
                CommentText.paragraphs(comment.body()));
    }

    /** "3 mars 2026 à 14 h 05", Paris time. */
    static String date(Instant instant) {
        return FRENCH.format(instant);
    }

    static String isoDate(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(PARIS).format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
