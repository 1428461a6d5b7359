package fr.tribunes.search.internal;

import fr.tribunes.facet.FacetChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What both keepers of the search index ({@link LocalSearchIndex}, {@link ClusterSearchIndex}) do to it: index
 * op-eds again, find those that name a renamed facet, rebuild, count.
 */
@Component
class ArticleIndexing {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexing.class);

    /** Op-eds loaded by one query when indexing some again: one query for an import's batch, not one per op-ed. */
    static final int LOAD_AT_ONCE = 500;

    private final EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;

    private final TransactionTemplate readOnly;

    private final SearchResultsCache cache;

    ArticleIndexing(
            EntityManager entityManager,
            EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactions,
            SearchResultsCache cache) {
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.cache = cache;
    }

    /**
     * Indexes these op-eds again as the current transaction sees them, or removes them from the index if they no
     * longer exist or are not published, {@value #LOAD_AT_ONCE} at a time (on a search cluster: as outbox events in
     * the transaction, which the instances' event processors index once it commits). Between batches, flushes
     * and clears the persistence context: the callers that change more than one batch hold no managed entity they
     * still need.
     */
    void indexAgain(Collection<Long> articleIds) {
        SearchSession session = Search.session(entityManager);
        List<Long> ids = List.copyOf(new LinkedHashSet<>(articleIds));
        for (int from = 0; from < ids.size(); from += LOAD_AT_ONCE) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + LOAD_AT_ONCE));
            // A query, not find(): the view's restriction to published op-eds applies to queries for certain.
            Map<Long, IndexedArticle> published = entityManager
                    .createQuery("select a from IndexedArticle a where a.id in :ids", IndexedArticle.class)
                    .setParameter("ids", some)
                    .getResultStream()
                    .collect(Collectors.toMap(IndexedArticle::id, Function.identity()));
            for (Long id : some) {
                IndexedArticle article = published.get(id);
                if (article == null) {
                    session.indexingPlan().purge(IndexedArticle.class, id, null);
                } else {
                    session.indexingPlan().addOrUpdate(article);
                }
            }
            // Written now, then let go of: renaming a theme on 29,000 op-eds of 100,000 must not hold them all in the
            // heap at once (bench/rename.sh). What the transaction changed before is flushed first, not dropped.
            session.indexingPlan().execute();
            if (from + LOAD_AT_ONCE < ids.size()) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        // Results cached before then could be stale afterwards.
        cache.forget();
    }

    /**
     * The published op-eds that name this author, theme or organisation, found in the current transaction; null for
     * another kind of change.
     */
    List<Long> naming(FacetChanged event) {
        String path = switch (event.kind()) {
            case AUTHOR -> "authors";
            case TOPIC -> "topics";
            case ORGANISATION -> "organisations";
            case ARTICLE -> null;
        };
        if (path == null) {
            return null;
        }
        return entityManager
                .createQuery("select a.id from IndexedArticle a join a." + path + " f where f.id = :id", Long.class)
                .setParameter("id", event.id())
                .getResultList();
    }

    /**
     * Rebuilds the whole index from the database, emptying it first if asked; returns how long it took, in
     * milliseconds.
     */
    long rebuild(boolean purgeFirst) throws InterruptedException {
        long start = System.nanoTime();
        Search.mapping(entityManagerFactory)
                .scope(IndexedArticle.class)
                .massIndexer()
                // One loading thread, 50 op-eds at a time: the index's writer is the bottleneck on two cores, and
                // fewer op-eds in flight keep the heap of a restore at 100,000 op-eds down (bench/exchange.sh).
                .threadsToLoadObjects(1)
                .batchSizeToLoadObjects(50)
                .purgeAllOnStart(purgeFirst)
                .startAndWait();
        cache.forget();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Search index rebuilt: {} op-eds in {} ms", count(), millis);
        return millis;
    }

    /** How many op-eds the index holds. */
    long count() {
        return readOnly.execute(status -> Search.session(entityManager)
                .search(IndexedArticle.class)
                .where(f -> f.matchAll())
                .fetchTotalHitCount());
    }

    /** Each op-ed's id and version as the index holds them. */
    Map<Long, Long> versions() {
        return readOnly.execute(status -> Search.session(entityManager)
                .search(IndexedArticle.class)
                .select(f -> f.composite()
                        .from(f.id(Long.class), f.field("version", Long.class))
                        .as(Map::entry))
                .where(f -> f.matchAll())
                .fetchAllHits()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
