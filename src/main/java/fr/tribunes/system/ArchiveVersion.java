package fr.tribunes.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When anything public in the archive last changed: one row in the database, moved by every edit in the same
 * transaction, so every instance on the same database sees it. It gives pages their {@code Last-Modified}.
 */
@Service
public class ArchiveVersion {

    private final JdbcTemplate jdbc;

    ArchiveVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When the archive last changed, to the second (HTTP dates have no finer precision). */
    public Instant lastChange() {
        OffsetDateTime changed =
                jdbc.queryForObject("select changed_at from archive_change where id = 1", OffsetDateTime.class);
        return changed.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Records that the archive changed now; called by every writer inside its transaction. Never earlier than the
     * previous change plus one second, so two edits within a second still give two different dates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Instant now) {
        Instant previous = lastChange();
        Instant next = now.isAfter(previous.plusSeconds(1)) ? now : previous.plusSeconds(1);
        jdbc.update(
                "update archive_change set changed_at = ? where id = 1",
                OffsetDateTime.ofInstant(next.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }
}
