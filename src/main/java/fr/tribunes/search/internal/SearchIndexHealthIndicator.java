package fr.tribunes.search.internal;

import fr.tribunes.search.SearchIndex;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in the readiness probe: down while the index misses changes that failed to reach it
 * ({@link SearchIndex#behind()}), so that an orchestrator or a load balancer learns what the back office says. A
 * restart catches up, as does « Rattraper maintenant » in the back office.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

    private final SearchIndex index;

    SearchIndexHealthIndicator(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        int behind = index.behind();
        return behind == 0
                ? Health.up().build()
                : Health.down()
                        .withDetail("behind", behind < 0 ? "all" : behind)
                        .build();
    }
}
