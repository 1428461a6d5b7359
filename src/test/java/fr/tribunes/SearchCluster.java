package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.search.internal.IndexedArticle;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An application of the tests on the search cluster (profile {@code opensearch}) of the shared {@link OpenSearchNode}:
 * its settings, and a wait for what it gave the index to be searchable.
 */
public final class SearchCluster {

    private SearchCluster() {}

    /**
     * Points the application at the shared node, its indexes named with this prefix (the node outlives one test
     * class: each class gets indexes of its own).
     */
    public static void register(DynamicPropertyRegistry registry, String indexPrefix) {
        registry.add(
                "spring.jpa.properties.hibernate.search.backend.uris",
                () -> OpenSearchNode.shared().url());
        registry.add("tribunes.search.index-prefix", () -> indexPrefix);
    }

    /**
     * Waits until the outbox holds no event (every change was indexed by some instance's event processor), then
     * refreshes the index, so that a search sees it at once.
     */
    public static void settle(ApplicationContext site) {
        JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long waiting;
        while ((waiting = pending(jdbc)) > 0 && Instant.now().isBefore(deadline)) {
            pause(50);
        }
        assertThat(waiting).as("outbox events still waiting after 60 s").isZero();
        Search.mapping(site.getBean(EntityManagerFactory.class))
                .scope(IndexedArticle.class)
                .workspace()
                .refresh();
    }

    /** The outbox events not yet processed. */
    public static long pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from hsearch_outbox_event", Long.class);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
