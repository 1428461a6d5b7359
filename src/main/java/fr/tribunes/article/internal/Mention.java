package fr.tribunes.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** An organisation an op-ed names, with the spelling the text uses when it differs from the name. */
@Embeddable
class Mention {

    @Column(name = "organisation_id")
    private long organisationId;

    @Column(name = "written_as")
    private String writtenAs;

    protected Mention() {}

    Mention(long organisationId, String writtenAs) {
        this.organisationId = organisationId;
        this.writtenAs = writtenAs;
    }

    long organisationId() {
        return organisationId;
    }

    String writtenAs() {
        return writtenAs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mention mention
                && organisationId == mention.organisationId
                && Objects.equals(writtenAs, mention.writtenAs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisationId, writtenAs);
    }
}
