package fr.tribunes.search;

import fr.tribunes.article.ArticleCards;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with the archive. At start-up, an index that is missing, or that does not hold
 * as many op-eds as the database, is rebuilt from the database; {@link #reindex(Collection)} brings given op-eds
 * up to date after they change.
 */
@Component
public class SearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;

    private final TransactionTemplate readOnly;

    private final ArticleCards articles;

    private final SearchResultsCache cache;

    SearchIndex(
            EntityManager entityManager,
            EntityManagerFactory entityManagerFactory,
            PlatformTransactionManager transactions,
            ArticleCards articles,
            SearchResultsCache cache) {
        this.cache = cache;
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long inDatabase = articles.count();
        long inIndex = indexedCount();
        if (inIndex != inDatabase) {
            log.info("Search index holds {} op-eds, the database {}: rebuilding it", inIndex, inDatabase);
            rebuild();
        }
    }

    /** Rebuilds the whole index from the database; returns how long it took, in milliseconds. */
    public long rebuild() throws InterruptedException {
        long start = System.nanoTime();
        Search.mapping(entityManagerFactory)
                .scope(IndexedArticle.class)
                .massIndexer()
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(100)
                .startAndWait();
        cache.forget();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Search index rebuilt: {} op-eds in {} ms", indexedCount(), millis);
        return millis;
    }

    /** Indexes these op-eds again, or removes them from the index if they no longer exist. */
    @Transactional
    public void reindex(Collection<Long> articleIds) {
        SearchSession session = Search.session(entityManager);
        for (Long id : articleIds) {
            IndexedArticle article = entityManager.find(IndexedArticle.class, id);
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
