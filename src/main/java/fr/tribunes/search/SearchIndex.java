package fr.tribunes.search;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticlesChanged;
import fr.tribunes.system.FacetChanged;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the archive. At start-up, an index that is missing, or that does not hold
 * as many op-eds as the database, is rebuilt from the database, and after a crash the op-eds whose last change
 * missed the index are indexed again ({@link #catchUp()}); {@link #reindex(Collection)} brings given op-eds up to
 * date after they change.
 */
@Component
public class SearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;

    private final TransactionTemplate readOnly;

    private final ArticleCards articles;

    /**
     * Beside an index on disk, the version of the analysis that built it: an index built by another version reads
     * words differently and is rebuilt. Null for an index in memory.
     */
    private final Path marker;

    /**
     * Beside an index on disk, a file present while an application runs on it: found at start-up, it says the last
     * one did not stop (killed, or the machine lost power), and may have committed changes to the database that
     * never reached the index. Null for an index in memory.
     */
    private final Path inUse;

    private final TransactionTemplate readWrite;

    private final SearchResultsCache cache;

    SearchIndex(
            EntityManager entityManager,
            EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactions,
            ArticleCards articles,
            SearchResultsCache cache,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}")
                    String directoryType,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String directoryRoot) {
        this.cache = cache;
        boolean onDisk = "local-filesystem".equals(directoryType) && !directoryRoot.isBlank();
        this.marker = onDisk ? Path.of(directoryRoot, "analysis-version") : null;
        this.inUse = onDisk ? Path.of(directoryRoot, "in-use") : null;
        this.readWrite = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException, IOException {
        long inDatabase = articles.count();
        long inIndex = indexedCount();
        String built = marker == null || !Files.exists(marker)
                ? null
                : Files.readString(marker).strip();
        boolean notStopped = inUse != null && Files.exists(inUse);
        if (inIndex != inDatabase) {
            log.info("Search index holds {} op-eds, the database {}: rebuilding it", inIndex, inDatabase);
            rebuild();
        } else if (marker != null && !FrenchAnalysis.VERSION.equals(built)) {
            log.info(
                    "Search index was built by analysis version {}, this is {}: rebuilding it",
                    built,
                    FrenchAnalysis.VERSION);
            rebuild();
        } else if (notStopped) {
            catchUp();
        }
        if (marker != null) {
            Files.writeString(marker, FrenchAnalysis.VERSION + "\n");
            Files.writeString(inUse, ProcessHandle.current().pid() + "\n");
        }
    }

    /** A clean stop: every change committed so far is in the index, there is nothing to catch up on next time. */
    @PreDestroy
    void stopped() throws IOException {
        if (inUse != null) {
            Files.deleteIfExists(inUse);
        }
    }

    /**
     * After a crash: indexes again the op-eds whose version in the index is not the database's, and removes those
     * no longer published. An edit is committed to the database first and indexed just after; a process killed in
     * between leaves the index behind the database, holding as many op-eds (a correction, say), which the count
     * alone does not see.
     */
    void catchUp() {
        Map<Long, Long> inDatabase = readOnly.execute(status -> entityManager
                .createQuery("select a.id, a.version from IndexedArticle a", Object[].class)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1])));
        Map<Long, Long> inIndex = readOnly.execute(status -> Search.session(entityManager)
                .search(IndexedArticle.class)
                .select(f -> f.composite()
                        .from(f.id(Long.class), f.field("version", Long.class))
                        .as(Map::entry))
                .where(f -> f.matchAll())
                .fetchAllHits()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Set<Long> behind = new HashSet<>(inIndex.keySet());
        behind.removeAll(inDatabase.keySet());
        inDatabase.forEach((id, version) -> {
            if (!version.equals(inIndex.get(id))) {
                behind.add(id);
            }
        });
        log.info("The last run did not stop cleanly: {} op-eds indexed again", behind.size());
        if (!behind.isEmpty()) {
            readWrite.executeWithoutResult(status -> indexAgain(behind));
        }
    }

    /** Rebuilds the whole index from the database; returns how long it took, in milliseconds. */
    public long rebuild() throws InterruptedException {
        long start = System.nanoTime();
        Search.mapping(entityManagerFactory)
                .scope(IndexedArticle.class)
                .massIndexer()
                // One loading thread, 50 op-eds at a time: the index's writer is the bottleneck on two cores, and
                // fewer op-eds in flight keep the heap of a restore at 100,000 op-eds down (bench/exchange.sh).
                .threadsToLoadObjects(1)
                .batchSizeToLoadObjects(50)
                .startAndWait();
        cache.forget();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Search index rebuilt: {} op-eds in {} ms", indexedCount(), millis);
        return millis;
    }

    /** Follows the editors: op-eds they changed are indexed again once the change is committed. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void articlesChanged(ArticlesChanged event) {
        indexAgain(event.ids());
    }

    /** A renamed author, theme or organisation: the op-eds that name it are indexed again with the new name. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void facetChanged(FacetChanged event) {
        String path = switch (event.kind()) {
            case AUTHOR -> "authors";
            case TOPIC -> "topics";
            case ORGANISATION -> "organisations";
            case ARTICLE -> null;
        };
        if (path == null) {
            return;
        }
        List<Long> ids = entityManager
                .createQuery("select a.id from IndexedArticle a join a." + path + " f where f.id = :id", Long.class)
                .setParameter("id", event.id())
                .getResultList();
        indexAgain(ids);
    }

    /** Indexes these op-eds again, or removes them from the index if they no longer exist or are not published. */
    @Transactional
    public void reindex(Collection<Long> articleIds) {
        indexAgain(articleIds);
    }

    private void indexAgain(Collection<Long> articleIds) {
        SearchSession session = Search.session(entityManager);
        for (Long id : articleIds) {
            // A query, not find(): the view's restriction to published op-eds applies to queries for certain.
            IndexedArticle article = entityManager
                    .createQuery("select a from IndexedArticle a where a.id = :id", IndexedArticle.class)
                    .setParameter("id", id)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (article == null) {
                session.indexingPlan().purge(IndexedArticle.class, id, null);
            } else {
                session.indexingPlan().addOrUpdate(article);
            }
        }
        // Written when the transaction commits; results cached before then could be stale afterwards.
        session.indexingPlan().execute();
        cache.forget();
    }

    /** How many op-eds the index holds. */
    public long indexedCount() {
        return readOnly.execute(status -> Search.session(entityManager)
                .search(IndexedArticle.class)
                .where(f -> f.matchAll())
                .fetchTotalHitCount());
    }
}
