package fr.tribunes.facet;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses that changed: an op-ed, author, theme or organisation whose slug changed keeps answering at the old
 * one, with a permanent redirect to the new one, so links and citations made before never break.
 */
@Service
public class FormerSlugs {

    /** What a slug names. */
    public enum Kind {
        ARTICLE,
        AUTHOR,
        TOPIC,
        ORGANISATION
    }

    private final JdbcTemplate jdbc;

    FormerSlugs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of the record that {@code slug} used to name, if it did. */
    @Transactional(readOnly = true)
    public Optional<Long> target(Kind kind, String slug) {
        return jdbc
                .queryForList(
                        "select target_id from former_slug where kind = ? and slug = ?", Long.class, kind.name(), slug)
                .stream()
                .findFirst();
    }

    /**
     * Records that a record changed its slug from {@code from} to {@code to}; the new slug is no one's former slug
     * any more (it names a live record now).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(Kind kind, long id, String from, String to) {
        jdbc.update("delete from former_slug where kind = ? and slug in (?, ?)", kind.name(), from, to);
        jdbc.update("insert into former_slug (kind, slug, target_id) values (?, ?, ?)", kind.name(), from, id);
    }

    /** Forgets a slug that now names another, live record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taken(Kind kind, String slug) {
        jdbc.update("delete from former_slug where kind = ? and slug = ?", kind.name(), slug);
    }
}
