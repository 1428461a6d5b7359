package fr.tribunes.search.internal;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The names of the archive's indexes on a search cluster: {@code tribunes-article-v3-000001}, read and written
 * through the aliases {@code tribunes-article-v3-read} and {@code -write}. The prefix
 * ({@code tribunes.search.index-prefix}) lets several archives, or several test runs, share one cluster; the
 * analysis version ({@link FrenchAnalysis#VERSION}) in the name means that an upgrade which reads words differently
 * starts on a new, empty index, which {@link ClusterSearchIndex} fills from the database, while the old one stays until an
 * operator deletes it.
 */
@Component
public class ClusterIndexLayout implements IndexLayoutStrategy {

    private final String prefix;

    ClusterIndexLayout(@Value("${tribunes.search.index-prefix:tribunes-}") String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return unique(hibernateSearchIndexName) + "-000001";
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return unique(hibernateSearchIndexName) + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return unique(hibernateSearchIndexName) + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return unique(hibernateSearchIndexName);
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        // The index behind the aliases: the name without its "-000001".
        return elasticsearchIndexName.replaceFirst("-\\d{6}$", "");
    }

    private String unique(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-v" + FrenchAnalysis.VERSION;
    }
}
