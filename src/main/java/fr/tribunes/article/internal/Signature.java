package fr.tribunes.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An author's name under an op-ed, with the role and organisation they had when it was published. */
@Embeddable
public class Signature {

    @Column(name = "author_id")
    private long authorId;

    @Column(name = "role")
    private String role;

    @Column(name = "organisation_id")
    private Long organisationId;

    /** The credit line as printed, e.g. "Président et cofondateur d’I-Tracing". */
    @Column(name = "credit")
    private String credit;

    protected Signature() {}

    Signature(long authorId, String role, Long organisationId, String credit) {
        this.authorId = authorId;
        this.role = role;
        this.organisationId = organisationId;
        this.credit = credit;
    }

    public long authorId() {
        return authorId;
    }

    String role() {
        return role;
    }

    Long organisationId() {
        return organisationId;
    }

    String credit() {
        return credit;
    }
}
