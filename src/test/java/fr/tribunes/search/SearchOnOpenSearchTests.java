package fr.tribunes.search;

import fr.tribunes.SearchCluster;
import fr.tribunes.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole search suite again, on a real OpenSearch node through Hibernate Search's Elasticsearch backend with
 * outbox-polling coordination (profile opensearch): the same French analysis, the same queries, the same op-eds.
 */
@Slow
@ActiveProfiles("opensearch")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:search-tests-opensearch;DB_CLOSE_DELAY=-1")
class SearchOnOpenSearchTests extends SearchTests {

    @DynamicPropertySource
    static void onTheSharedNode(DynamicPropertyRegistry registry) {
        SearchCluster.register(registry, "search-tests-");
    }

    @Autowired
    ApplicationContext site;

    @Override
    void indexed() {
        SearchCluster.settle(site);
    }
}
