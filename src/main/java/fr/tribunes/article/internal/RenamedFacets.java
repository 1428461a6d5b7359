package fr.tribunes.article.internal;

import fr.tribunes.facet.FacetChanged;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A renamed author, theme or organisation changes what the op-eds naming it say (their byline, their subjects): those
 * op-eds are dated as changed then, in the renaming's transaction, with the lists they are in (the dates
 * {@link ArticleListings} keeps), so that a harvester asking what changed since a date (OAI-PMH's {@code from}), the
 * sitemap and the feeds see them again. Two statements, however many op-eds name it.
 */
@Component
class RenamedFacets {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    RenamedFacets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void renamed(FacetChanged event) {
        String naming = switch (event.kind()) {
            case AUTHOR -> "select article_id from article_author where author_id = ?";
            case TOPIC -> "select article_id from article_topic where topic_id = ?";
            case ORGANISATION ->
                "select article_id from article_organisation where organisation_id = ?"
                        + " union select article_id from article_author where organisation_id = ?";
            case ARTICLE -> null;
        };
        if (naming == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Object[] arguments =
                naming.contains("union") ? new Object[] {now, event.id(), event.id()} : new Object[] {now, event.id()};
        jdbc.update("update article set updated_at = ? where id in (" + naming + ")", arguments);
        // The lists those op-eds are in changed with them: their kept dates (the sitemap's, ArticleListings) follow.
        jdbc.update(
                "update facet_count f set last_change = ? where exists (select 1 from article_listing l"
                        + " where l.facet_kind = f.facet_kind and l.facet_id = f.facet_id and l.article_id in ("
                        + naming + "))",
                arguments);
    }
}
