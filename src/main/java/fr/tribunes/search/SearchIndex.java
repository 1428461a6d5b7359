package fr.tribunes.search;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticlesChanged;
import fr.tribunes.facet.FacetChanged;
import fr.tribunes.search.internal.FrenchAnalysis;
import fr.tribunes.search.internal.IndexedArticle;
import fr.tribunes.search.internal.SearchResultsCache;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the archive. At start-up, an index that is missing, or that does not hold
 * as many op-eds as the database, is rebuilt from the database, and after a crash the op-eds whose last change
 * missed the index are indexed again ({@link #catchUp(String, Set)}); {@link #reindex(Collection)} brings given op-eds up to
 * date after they change. An update that still fails after {@link #RETRY_DELAYS_MILLIS retries} leaves the index
 * {@linkplain #behind() behind}: the op-eds it missed are kept, in memory and in a file beside the index, until
 * {@link #catchUpNow()} or the next start indexes them again; meanwhile {@link SearchIndexHealthIndicator} holds the
 * readiness probe down and the back office says so.
 *
 * <p>On a search cluster (profile opensearch, ADR 10), none of that: the op-eds a transaction changes are added to
 * Hibernate Search's indexing plan before it commits, which writes them as outbox events in the same commit, and the
 * instances' event processors index them; the index is built at start-up only when it is empty.
 */
@Component
public class SearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /**
     * Waits before each new attempt at an update that failed: an update runs in the editor's request, just after
     * its commit, so the editor waits at most these (and the attempts) before the page answers. Enough for a file
     * briefly locked or a disk briefly full; a broken disk is reported instead of waited on.
     */
    static final long[] RETRY_DELAYS_MILLIS = {100, 400};

    /** In the file of op-eds behind, in place of ids: which op-eds missed the index is unknown, all are indexed. */
    private static final String ALL = "*";

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

    /**
     * Beside an index on disk, present while the index misses changes that failed to reach it (one op-ed id a line,
     * or {@value #ALL}): unlike {@link #inUse}, a clean stop keeps it, so that the next start catches up. Null for an
     * index in memory, which is rebuilt at every start.
     */
    private final Path behindFile;

    /** The op-eds the index missed, since an update failed and until they are indexed again. */
    private final Set<Long> behind = ConcurrentHashMap.newKeySet();

    /** Whether an update failed for op-eds not known (the search for them failed too): all are indexed again. */
    private volatile boolean allBehind;

    /**
     * Whether the last update failed: while it does, the next one is tried once, not retried, so that many updates
     * in a row against a broken index (an import) do not each wait for the retries.
     */
    private volatile boolean failing;

    /** For updates after a commit: the committed transaction is still bound, a new one must begin. */
    private final TransactionTemplate afterCommit;

    private final TransactionTemplate readWrite;

    private final SearchResultsCache cache;

    /**
     * Whether the index is a search cluster's, coordinated through the database's outbox (profile opensearch): a
     * change is then written as outbox events inside the transaction that makes it, and some instance's event
     * processor indexes it; nothing is kept beside the index, nothing can fall behind here.
     */
    private final boolean cluster;

    SearchIndex(
            EntityManager entityManager,
            EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactions,
            ArticleCards articles,
            SearchResultsCache cache,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}")
                    String directoryType,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String directoryRoot,
            @Value("${spring.jpa.properties.hibernate.search.coordination.strategy:none}") String coordination) {
        this.cache = cache;
        this.cluster = "outbox-polling".equals(coordination);
        boolean onDisk = !cluster && "local-filesystem".equals(directoryType) && !directoryRoot.isBlank();
        this.marker = onDisk ? Path.of(directoryRoot, "analysis-version") : null;
        this.inUse = onDisk ? Path.of(directoryRoot, "in-use") : null;
        this.behindFile = onDisk ? Path.of(directoryRoot, "behind") : null;
        this.readWrite = new TransactionTemplate(transactions);
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        if (cluster) {
            // Other instances may be indexing, and events may be waiting in the outbox: the counts can differ for a
            // while without anything missing. Only an index with nothing in it (a new cluster, or a new analysis
            // version, whose index has a name of its own) is filled from the database.
            if (inIndex == 0 && inDatabase > 0) {
                log.info("Search cluster's index is empty, the database holds {} op-eds: building it", inDatabase);
                rebuild();
            }
            return;
        }
        String built = marker == null || !Files.exists(marker)
                ? null
                : Files.readString(marker).strip();
        boolean notStopped = inUse != null && Files.exists(inUse);
        boolean leftBehind = behindFile != null && Files.exists(behindFile);
        Set<Long> missed = new HashSet<>();
        boolean missedNotKnown = false;
        for (String line : leftBehind ? Files.readAllLines(behindFile) : List.<String>of()) {
            try {
                if (!line.isBlank()) {
                    missed.add(Long.valueOf(line.strip()));
                }
            } catch (NumberFormatException e) {
                // ALL, or a line that cannot be read: which op-eds is not known.
                missedNotKnown = true;
            }
        }
        if (inIndex != inDatabase) {
            log.info("Search index holds {} op-eds, the database {}: rebuilding it", inIndex, inDatabase);
            rebuild();
        } else if (marker != null && !FrenchAnalysis.VERSION.equals(built)) {
            log.info(
                    "Search index was built by analysis version {}, this is {}: rebuilding it",
                    built,
                    FrenchAnalysis.VERSION);
            rebuild();
        } else if (missedNotKnown) {
            log.info("The last run left the search index behind on op-eds not known: rebuilding it");
            rebuild();
        } else if (notStopped || leftBehind) {
            catchUp(
                    notStopped ? "The last run did not stop cleanly" : "The last run left the search index behind",
                    missed);
        }
        if (behindFile != null) {
            Files.deleteIfExists(behindFile);
        }
        if (marker != null) {
            Files.writeString(marker, FrenchAnalysis.VERSION + "\n");
            Files.writeString(inUse, ProcessHandle.current().pid() + "\n");
        }
    }

    /**
     * A clean stop: every change committed so far reached the index, or is listed as behind, in a file this keeps
     * for the next start.
     */
    @PreDestroy
    void stopped() throws IOException {
        if (inUse != null) {
            Files.deleteIfExists(inUse);
        }
    }

    /**
     * After a crash, or a run whose updates failed: indexes again the op-eds whose version in the index is not the
     * database's, and those listed as missed, and removes those no longer published. An edit is committed to the
     * database first and indexed just after; a process killed in between leaves the index behind the database,
     * holding as many op-eds (a correction, say), which the count alone does not see. A renamed author does not move
     * its op-eds' versions: those are found only in the list of missed ones.
     */
    void catchUp(String why, Set<Long> missed) {
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
        Set<Long> stale = new HashSet<>(inIndex.keySet());
        stale.removeAll(inDatabase.keySet());
        stale.addAll(missed);
        inDatabase.forEach((id, version) -> {
            if (!version.equals(inIndex.get(id))) {
                stale.add(id);
            }
        });
        log.info("{}: {} op-eds indexed again", why, stale.size());
        if (!stale.isEmpty()) {
            readWrite.executeWithoutResult(status -> indexAgain(stale));
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
                // A cluster's index is built only when empty: nothing to purge. (Purging would need the cluster's
                // delete-by-query, which the integ-test distribution the tests run lacks.)
                .purgeAllOnStart(!cluster)
                .startAndWait();
        cache.forget();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Search index rebuilt: {} op-eds in {} ms", indexedCount(), millis);
        return millis;
    }

    /**
     * Follows the editors: op-eds they changed are indexed again once the change is committed, those of one
     * transaction together (a batch of an import is one write of the index, not one per op-ed). A change announced
     * outside a transaction is not one, and is ignored as a {@code @TransactionalEventListener} would.
     */
    @EventListener
    public void articlesChanged(ArticlesChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        ChangedInTransaction changed = (ChangedInTransaction) TransactionSynchronizationManager.getResource(this);
        if (changed == null) {
            changed = new ChangedInTransaction();
            TransactionSynchronizationManager.bindResource(this, changed);
            TransactionSynchronizationManager.registerSynchronization(changed);
        }
        changed.ids.addAll(event.ids());
    }

    /** The op-eds a transaction changed, indexed again once it has committed. */
    private final class ChangedInTransaction implements TransactionSynchronization {

        private final Set<Long> ids = new LinkedHashSet<>();

        // A transaction of its own inside this one (REQUIRES_NEW) collects its own op-eds.
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(SearchIndex.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(SearchIndex.this, this);
        }

        /** On a cluster, the outbox events go into the database with the change itself. */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (cluster) {
                indexAgain(ids);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SearchIndex.this);
            if (status == STATUS_COMMITTED && !cluster) {
                keepUp(() -> ids);
            }
        }
    }

    /** A renamed author, theme or organisation: the op-eds that name it are indexed again with the new name. */
    @TransactionalEventListener
    public void facetChanged(FacetChanged event) {
        if (!cluster && naming(event) != null) {
            keepUp(() -> naming(event).get());
        }
    }

    /** On a cluster, the same, but inside the renaming transaction, whose commit then holds the outbox events. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void facetChanging(FacetChanged event) {
        if (cluster && naming(event) != null) {
            indexAgain(naming(event).get());
        }
    }

    /** Finds the published op-eds that name this author, theme or organisation; null for another kind of change. */
    private Supplier<List<Long>> naming(FacetChanged event) {
        String path = switch (event.kind()) {
            case AUTHOR -> "authors";
            case TOPIC -> "topics";
            case ORGANISATION -> "organisations";
            case ARTICLE -> null;
        };
        if (path == null) {
            return null;
        }
        return () -> entityManager
                .createQuery("select a.id from IndexedArticle a join a." + path + " f where f.id = :id", Long.class)
                .setParameter("id", event.id())
                .getResultList();
    }

    /**
     * Indexes again, in a transaction of its own, the op-eds a committed change concerns ({@code ids}, found inside
     * that transaction); retries if that fails, then records them as behind. Never throws: the change is committed,
     * the editor's request must not fail for the index.
     */
    private void keepUp(Supplier<Collection<Long>> ids) {
        AtomicReference<Collection<Long>> concerned = new AtomicReference<>();
        RuntimeException failure = null;
        int attempts = failing ? 1 : RETRY_DELAYS_MILLIS.length + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause(RETRY_DELAYS_MILLIS[attempt - 2])) {
                break;
            }
            try {
                afterCommit.executeWithoutResult(status -> {
                    concerned.set(List.copyOf(ids.get()));
                    indexAgain(concerned.get());
                });
                failing = false;
                caughtUp(concerned.get());
                return;
            } catch (RuntimeException e) {
                failure = e;
                log.warn("Search index update failed (attempt {} of {}): {}", attempt, attempts, e.toString());
            }
        }
        failing = true;
        fellBehind(concerned.get(), failure);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fellBehind(Collection<Long> missed, RuntimeException failure) {
        if (missed == null) {
            allBehind = true;
        } else {
            behind.addAll(missed);
        }
        log.error(
                "Search index update failed, retries included: the index is behind on op-eds {} until it catches up"
                        + " (back office, or the next start)",
                missed == null ? "not known, all to index again" : new TreeSet<>(missed),
                failure);
        recordBehind();
    }

    /** These op-eds are indexed as they are now: no longer behind. */
    private void caughtUp(Collection<Long> indexed) {
        if (!behind.isEmpty() && behind.removeAll(indexed)) {
            recordBehind();
        }
    }

    /** Writes the file of op-eds behind, or removes it when none is. */
    private synchronized void recordBehind() {
        if (behindFile == null) {
            return;
        }
        try {
            if (behind.isEmpty() && !allBehind) {
                Files.deleteIfExists(behindFile);
                return;
            }
            String lines = allBehind
                    ? ALL + "\n"
                    : new TreeSet<>(behind).stream().map(id -> id + "\n").collect(Collectors.joining());
            // Written aside then renamed: a crash while writing never leaves half a list.
            Path written = behindFile.resolveSibling(behindFile.getFileName() + ".new");
            Files.writeString(written, lines);
            Files.move(written, behindFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Could not record in {} that the search index is behind: a restart will not catch up",
                    behindFile,
                    e);
        }
    }

    /** How many op-eds the index missed (-1: not known, all of them), 0 when it is up to date. */
    public int behind() {
        return allBehind ? -1 : behind.size();
    }

    /**
     * Brings the index up to date now: indexes again the op-eds it missed (all of them, rebuilding it, when which is
     * not known). Returns whether it is up to date; if not, the reason is logged.
     */
    public boolean catchUpNow() {
        try {
            if (allBehind) {
                rebuild();
                allBehind = false;
                behind.clear();
            } else {
                Set<Long> missed = Set.copyOf(behind);
                if (!missed.isEmpty()) {
                    readWrite.executeWithoutResult(status -> indexAgain(missed));
                    behind.removeAll(missed);
                }
                log.info("Search index caught up: {} op-eds indexed again", missed.size());
            }
            failing = false;
            recordBehind();
            return behind() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            log.error("Search index could not catch up: still behind on {} op-eds", behind(), e);
            return false;
        }
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
