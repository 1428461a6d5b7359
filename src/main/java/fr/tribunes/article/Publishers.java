package fr.tribunes.article;

import fr.tribunes.pagecache.ArchiveVersion;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The original publishers the op-eds name, and what kind of periodical each is (a magazine or a newspaper), as
 * editors say. Citation formats pick their document type from it; nothing is guessed from a name.
 */
@Service
public class Publishers {

    private final JdbcTemplate jdbc;

    private final ArchiveVersion version;

    private final Clock clock;

    Publishers(JdbcTemplate jdbc, ArchiveVersion version, Clock clock) {
        this.jdbc = jdbc;
        this.version = version;
        this.clock = clock;
    }

    /**
     * A publisher named by op-eds.
     *
     * @param name as the op-eds write it
     * @param articles how many op-eds, drafts included, name it
     * @param kind what editors said it is, or null
     */
    public record Publisher(String name, long articles, PublicationKind kind) {}

    /** Every publisher the op-eds name, by name, with its kind when said. */
    @Transactional(readOnly = true)
    public List<Publisher> all() {
        Map<String, PublicationKind> kinds = kinds();
        return jdbc.query(
                "select original_publisher, count(*) from article where original_publisher is not null"
                        + " group by original_publisher order by original_publisher",
                (row, n) -> new Publisher(row.getString(1), row.getLong(2), kinds.get(row.getString(1))));
    }

    /** The kinds editors said, by publisher name: a handful of rows, read whole. */
    public Map<String, PublicationKind> kinds() {
        Map<String, PublicationKind> kinds = new HashMap<>();
        jdbc.query("select name, kind from publisher", row -> {
            kinds.put(row.getString(1), PublicationKind.valueOf(row.getString(2)));
        });
        return kinds;
    }

    /**
     * Says what kind of periodical a publisher is (null: not said). Every citation of its op-eds changes, so every
     * page kept is rendered again.
     *
     * @return false if no op-ed names this publisher
     */
    @Transactional
    public boolean setKind(String name, PublicationKind kind) {
        Integer named =
                jdbc.queryForObject("select count(*) from article where original_publisher = ?", Integer.class, name);
        if (named == null || named == 0) {
            return false;
        }
        jdbc.update("delete from publisher where name = ?", name);
        if (kind != null) {
            jdbc.update("insert into publisher (name, kind) values (?, ?)", name, kind.name());
        }
        version.changed(clock.instant());
        return true;
    }
}
