package fr.tribunes.organisation;

import fr.tribunes.facet.ArticleCard;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The op-eds naming each organisation; implemented by the article feature, which owns the links. */
public interface OrganisationArticles {

    /** The op-eds that name an organisation, newest first. */
    Page<ArticleCard> findByOrganisation(long organisationId, Pageable pageable);

    /** How many op-eds name each organisation, by organisation key; organisations never named are absent. */
    Map<Long, Long> countByOrganisation();

    /**
     * How many published op-eds this one is on, from the kept counts (one row read). Zero for one known only from
     * drafts: the public site treats it as unknown.
     */
    long countPublishedByOrganisation(long organisationId);

    /**
     * The organisation found, if a published op-ed names it: one known only from drafts is unknown to
     * the public (its page, feeds, the API and search answer as for an unknown address).
     */
    default Optional<OrganisationRef> ifPublishedOrganisation(Optional<OrganisationRef> found) {
        return found.filter(candidate -> countPublishedByOrganisation(candidate.id()) > 0);
    }

    /** When each organisation's newest-changed op-ed last changed, by key; organisations without op-eds are absent. */
    Map<Long, java.time.Instant> lastChangeByOrganisation();
}
