package fr.tribunes.search.internal;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticlesChanged;
import fr.tribunes.facet.FacetChanged;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.search.SearchIndex;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.outboxpolling.OutboxPollingExtension;
import org.hibernate.search.mapper.orm.outboxpolling.mapping.OutboxPollingSearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A search cluster shared by several instances (profile opensearch, ADR 10), coordinated through the database's
 * outbox: the op-eds a transaction changes are added to Hibernate Search's indexing plan before it commits, which
 * writes them as outbox events in the same commit, and whichever instance's event processor picks an event up
 * indexes the op-ed as the database then holds it. The index is built at start-up only when it is empty.
 *
 * <p>While the cluster does not answer, pages are served as usual, search excepted, and editors' changes wait in the
 * outbox: an event that fails is tried again after {@code event_processor.retry_delay}, and set aside (aborted) after
 * its third failure. Every {@code tribunes.search.retry-aborted-every}, if the cluster answers again, the events set
 * aside are put back in line; « Rattraper maintenant » in the back office does the same at once. {@link #behind()}
 * counts the op-eds whose events failed, for the back office's banner; readiness does not go down for it (every
 * instance shares the one cluster: taking them all out of the load balancer would take the whole archive down for
 * its search).
 */
@Component
@ConditionalOnProperty(name = ClusterSearchIndex.COORDINATION, havingValue = "outbox-polling")
class ClusterSearchIndex implements SearchIndex, ApplicationRunner {

    /** Hibernate Search's coordination strategy: {@code outbox-polling} selects this keeper, anything else the local. */
    static final String COORDINATION = "spring.jpa.properties.hibernate.search.coordination.strategy";

    private static final Logger log = LoggerFactory.getLogger(ClusterSearchIndex.class);

    /** The op-eds whose outbox events failed at least once and wait, in line again or set aside. */
    private static final String FAILED =
            "select count(distinct entity_id) from hsearch_outbox_event where retries > 0 or status = 'ABORTED'";

    private final ArticleCards articles;

    private final ArticleIndexing indexing;

    private final EntityManagerFactory entityManagerFactory;

    private final JdbcTemplate jdbc;

    /** How long « Rattraper maintenant » waits for the events it put back in line to be indexed. */
    private final Duration catchUpWait;

    /** {@link #FAILED}, as last counted by {@link #countFailed()}: pages read this, not the database. */
    private volatile int behind;

    ClusterSearchIndex(
            ArticleCards articles,
            ArticleIndexing indexing,
            EntityManagerFactory entityManagerFactory,
            JdbcTemplate jdbc,
            @Value("${tribunes.search.catch-up-wait:15s}") Duration catchUpWait) {
        this.articles = articles;
        this.indexing = indexing;
        this.entityManagerFactory = entityManagerFactory;
        this.jdbc = jdbc;
        this.catchUpWait = catchUpWait;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        // Other instances may be indexing, and events may be waiting in the outbox: the counts can differ for a while
        // without anything missing. Only an index with nothing in it (a new cluster, or a new analysis version, whose
        // index has a name of its own) is filled from the database.
        long inDatabase = articles.count();
        if (inDatabase > 0 && indexedCount() == 0) {
            log.info("Search cluster's index is empty, the database holds {} op-eds: building it", inDatabase);
            rebuild();
        }
        countFailed();
    }

    @Override
    public long rebuild() throws InterruptedException {
        // Nothing to purge first: purging needs the cluster's delete-by-query, which the integ-test distribution the
        // tests run lacks; documents of op-eds no longer published are removed by their own events.
        return indexing.rebuild(false);
    }

    /** The op-eds a transaction changes are written as outbox events when it commits, in the same commit. */
    @EventListener
    public void articlesChanged(ArticlesChanged event) {
        ChangedInTransaction.add(this, event.ids(), indexing::indexAgain, ids -> {});
    }

    /** A renamed author, theme or organisation: the op-eds that name it are queued in the renaming transaction. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void facetChanged(FacetChanged event) {
        if (event.kind() != FormerSlugs.Kind.ARTICLE) {
            indexing.indexAgain(indexing.naming(event));
        }
    }

    @Override
    @Transactional
    public void reindex(Collection<Long> articleIds) {
        indexing.indexAgain(articleIds);
    }

    @Override
    public long indexedCount() {
        return indexing.count();
    }

    @Override
    public int behind() {
        return behind;
    }

    /** Counts the op-eds whose events failed, for {@link #behind()}. */
    @Scheduled(
            initialDelayString = "${tribunes.search.count-failed-every:10s}",
            fixedDelayString = "${tribunes.search.count-failed-every:10s}")
    void countFailed() {
        try {
            behind = jdbc.queryForObject(FAILED, Integer.class);
        } catch (RuntimeException e) {
            log.warn("Could not count the search index's failed events: {}", e.toString());
        }
    }

    /**
     * Puts back in line the events set aside after their third failure, if the cluster answers: the outage they met
     * is over. While it does not, nothing is put back (each would only fail once more, and log it).
     */
    @Scheduled(
            initialDelayString = "${tribunes.search.retry-aborted-every:1m}",
            fixedDelayString = "${tribunes.search.retry-aborted-every:1m}")
    void retryAborted() {
        if (answers()) {
            int again = outbox().reprocessAbortedEvents();
            if (again > 0) {
                log.info("Search cluster answers again: {} indexing events set aside are back in line", again);
            }
        }
        countFailed();
    }

    /**
     * Puts back in line the events set aside, then waits (at most {@code tribunes.search.catch-up-wait}) until every
     * failed event has been indexed.
     */
    @Override
    public boolean catchUpNow() {
        if (!answers()) {
            countFailed();
            return false;
        }
        int again = outbox().reprocessAbortedEvents();
        log.info("Catching up: {} indexing events set aside are back in line", again);
        // Those waiting for their next try (retry_delay) are tried now too.
        jdbc.update("update hsearch_outbox_event set process_after = current_timestamp where retries > 0"
                + " and status = 'PENDING' and process_after > current_timestamp");
        Instant deadline = Instant.now().plus(catchUpWait);
        countFailed();
        while (behind > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            countFailed();
        }
        if (behind > 0) {
            log.error("Search index could not catch up: {} op-eds still wait in the outbox", behind);
        }
        return behind == 0;
    }

    /** Whether the cluster answers a search. */
    private boolean answers() {
        try {
            indexing.count();
            return true;
        } catch (RuntimeException e) {
            log.warn("Search cluster does not answer: {}", e.toString());
            return false;
        }
    }

    private OutboxPollingSearchMapping outbox() {
        return Search.mapping(entityManagerFactory).extension(OutboxPollingExtension.get());
    }
}
