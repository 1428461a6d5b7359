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
 * The same on a search cluster, where the op-eds are queued as outbox events inside the renaming transaction, which
 * must still commit the rename.
 */
@Slow
@ActiveProfiles("opensearch")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:big-rename-tests-opensearch;DB_CLOSE_DELAY=-1")
class BigRenameOnOpenSearchTests extends BigRenameTests {

    @DynamicPropertySource
    static void onTheSharedNode(DynamicPropertyRegistry registry) {
        SearchCluster.register(registry, "big-rename-tests-");
    }

    @Autowired
    ApplicationContext site;

    @Override
    void indexed() {
        SearchCluster.settle(site);
    }
}
