package fr.tribunes.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A reader's comment on an op-ed, as it was sent: plain text, never HTML. The op-ed is another feature's record,
 * linked by key. The e-mail and remote addresses are kept for editors and never leave the back office.
 */
@Entity
@Table(name = "comment")
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    @Enumerated(EnumType.STRING)
    private CommentStatus status;

    private String authorName;

    private String email;

    private String emailNormalised;

    private String website;

    private String body;

    private Instant createdAt;

    private String remoteAddress;

    private boolean suspected;

    private Instant moderatedAt;

    private String moderatedBy;

    protected Comment() {}

    /** A comment just sent: held for moderation. */
    Comment(
            long articleId,
            String authorName,
            String email,
            String website,
            String body,
            Instant createdAt,
            String remoteAddress,
            boolean suspected) {
        this.articleId = articleId;
        this.status = CommentStatus.PENDING;
        this.authorName = authorName;
        this.email = email;
        this.emailNormalised = normalise(email);
        this.website = website;
        this.body = body;
        this.createdAt = createdAt;
        this.remoteAddress = remoteAddress;
        this.suspected = suspected;
    }

    /** The form an address is searched by: lower case, so that every spelling of it is found. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void moderate(CommentStatus status, String editor, Instant now) {
        this.status = status;
        this.moderatedBy = editor;
        this.moderatedAt = now;
    }

    Long id() {
        return id;
    }

    long articleId() {
        return articleId;
    }

    CommentStatus status() {
        return status;
    }

    String authorName() {
        return authorName;
    }

    String email() {
        return email;
    }

    String website() {
        return website;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    boolean suspected() {
        return suspected;
    }

    Instant moderatedAt() {
        return moderatedAt;
    }

    String moderatedBy() {
        return moderatedBy;
    }
}
