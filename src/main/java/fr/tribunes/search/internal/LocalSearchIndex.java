package fr.tribunes.search.internal;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticlesChanged;
import fr.tribunes.facet.FacetChanged;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.search.SearchIndex;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded Lucene index of one instance (the default): this instance indexes what its editors change, just after
 * each commit. At start-up, an index that is missing, or that does not hold as many op-eds as the database, is rebuilt
 * from the database, and after a crash the op-eds whose last change missed the index are indexed again
 * ({@link #catchUp(String, Set)}). An update that still fails after {@link #RETRY_DELAYS_MILLIS retries} leaves the
 * index {@linkplain #behind() behind}: the op-eds it missed are kept, in memory and in a file beside the index, until
 * {@link #catchUpNow()} or the next start indexes them again; meanwhile {@link SearchIndexHealthIndicator} holds the
 * readiness probe down and the back office says so.
 */
@Component
@ConditionalOnProperty(name = ClusterSearchIndex.COORDINATION, havingValue = "none", matchIfMissing = true)
class LocalSearchIndex implements SearchIndex, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalSearchIndex.class);

    /**
     * Waits before each new attempt at an update that failed: an update runs in the editor's request, just after
     * its commit, so the editor waits at most these (and the attempts) before the page answers. Enough for a file
     * briefly locked or a disk briefly full; a broken disk is reported instead of waited on.
     */
    static final long[] RETRY_DELAYS_MILLIS = {100, 400};

    /** The most op-eds a rename indexes again in the editor's request (one batch of {@link ArticleIndexing}). */
    static final int IN_THE_REQUEST = ArticleIndexing.LOAD_AT_ONCE;

    /** In the file of op-eds behind, in place of ids: which op-eds missed the index is unknown, all are indexed. */
    private static final String ALL = "*";

    private final EntityManager entityManager;

    private final TransactionTemplate readOnly;

    private final ArticleCards articles;

    private final ArticleIndexing indexing;

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

    /**
     * The op-eds of a big rename being indexed again in the background ({@link #facetChanged}): listed in the file of
     * op-eds behind until done, so that a crash meanwhile leaves them to the next start, but not counted as behind.
     */
    private final Set<Long> following = ConcurrentHashMap.newKeySet();

    /**
     * Indexes the op-eds of big renames again, one rename after the other, off the editor's request: at 100,000
     * op-eds the biggest theme names 29,000, which take about 50 s to index again (bench/rename.sh).
     */
    private final ExecutorService background = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "search-index-rename");
        thread.setDaemon(true);
        return thread;
    });

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

    LocalSearchIndex(
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            ArticleCards articles,
            ArticleIndexing indexing,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}")
                    String directoryType,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String directoryRoot) {
        boolean onDisk = "local-filesystem".equals(directoryType) && !directoryRoot.isBlank();
        this.marker = onDisk ? Path.of(directoryRoot, "analysis-version") : null;
        this.inUse = onDisk ? Path.of(directoryRoot, "in-use") : null;
        this.behindFile = onDisk ? Path.of(directoryRoot, "behind") : null;
        this.readWrite = new TransactionTemplate(transactions);
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entityManager = entityManager;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.articles = articles;
        this.indexing = indexing;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException, IOException {
        long inDatabase = articles.count();
        long inIndex = indexedCount();
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
        // Not interrupted (Lucene's files do not take it well): what a rename left undone is in the file.
        background.shutdown();
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
        Map<Long, Long> inIndex = indexing.versions();
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
            readWrite.executeWithoutResult(status -> indexing.indexAgain(stale));
        }
    }

    @Override
    public long rebuild() throws InterruptedException {
        return indexing.rebuild(true);
    }

    /**
     * Follows the editors: op-eds they changed are indexed again once the change is committed, those of one
     * transaction together (a batch of an import is one write of the index, not one per op-ed). A change announced
     * outside a transaction is not one, and is ignored as a {@code @TransactionalEventListener} would.
     */
    @EventListener
    public void articlesChanged(ArticlesChanged event) {
        ChangedInTransaction.add(this, event.ids(), ids -> {}, ids -> keepUp(() -> ids));
    }

    /**
     * A renamed author, theme or organisation: the op-eds that name it are indexed again with the new name, in the
     * editor's request when they are few ({@value #IN_THE_REQUEST} at most), in the background otherwise: the editor
     * is answered at once, and searches find the new name a little later.
     */
    @TransactionalEventListener
    public void facetChanged(FacetChanged event) {
        if (event.kind() == FormerSlugs.Kind.ARTICLE) {
            return;
        }
        List<Long> naming;
        try {
            naming = readOnly.execute(status -> indexing.naming(event));
        } catch (RuntimeException e) {
            // Which op-eds is not known: as keepUp would, after its retries.
            keepUp(() -> indexing.naming(event));
            return;
        }
        if (naming.size() <= IN_THE_REQUEST) {
            keepUp(() -> naming);
            return;
        }
        following.addAll(naming);
        recordBehind();
        log.info("{} op-eds name the renamed {}: indexed again in the background", naming.size(), event.kind());
        background.execute(() -> {
            boolean indexed = keepUp(() -> naming);
            following.removeAll(naming);
            recordBehind();
            if (indexed) {
                log.info("{} op-eds indexed again after a rename", naming.size());
            }
        });
    }

    /**
     * Indexes again, in a transaction of its own, the op-eds a committed change concerns ({@code ids}, found inside
     * that transaction); retries if that fails, then records them as behind. Returns whether they were indexed; never
     * throws: the change is committed, the editor's request must not fail for the index.
     */
    private boolean keepUp(Supplier<Collection<Long>> ids) {
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
                    indexing.indexAgain(concerned.get());
                });
                failing = false;
                caughtUp(concerned.get());
                return true;
            } catch (RuntimeException e) {
                failure = e;
                log.warn("Search index update failed (attempt {} of {}): {}", attempt, attempts, e.toString());
            }
        }
        failing = true;
        fellBehind(concerned.get(), failure);
        return false;
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
            Set<Long> listed = new TreeSet<>(behind);
            listed.addAll(following);
            if (listed.isEmpty() && !allBehind) {
                Files.deleteIfExists(behindFile);
                return;
            }
            String lines = allBehind
                    ? ALL + "\n"
                    : listed.stream().map(id -> id + "\n").collect(Collectors.joining());
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

    @Override
    public int behind() {
        return allBehind ? -1 : behind.size();
    }

    /** Indexes again the op-eds the index missed (all of them, rebuilding it, when which is not known). */
    @Override
    public boolean catchUpNow() {
        try {
            if (allBehind) {
                rebuild();
                allBehind = false;
                behind.clear();
            } else {
                Set<Long> missed = Set.copyOf(behind);
                if (!missed.isEmpty()) {
                    readWrite.executeWithoutResult(status -> indexing.indexAgain(missed));
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

    @Override
    @Transactional
    public void reindex(Collection<Long> articleIds) {
        indexing.indexAgain(articleIds);
    }

    @Override
    public long indexedCount() {
        return indexing.count();
    }
}
