package fr.tribunes.search.internal;

import fr.tribunes.search.SearchIndex;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in the readiness probe: with the embedded index, down while it misses changes that failed to
 * reach it ({@link SearchIndex#behind()}), so that an orchestrator or a load balancer learns what the back office
 * says; a restart catches up, as does « Rattraper maintenant » in the back office. With a search cluster, up all the
 * same, with how many op-eds wait in the outbox: every instance shares the cluster, and taking them all out of the
 * load balancer for it would take the whole archive down, not only its search.
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
        if (behind == 0) {
            return Health.up().build();
        }
        Health.Builder health = index instanceof ClusterSearchIndex ? Health.up() : Health.down();
        return health.withDetail("behind", behind < 0 ? "all" : behind).build();
    }
}
