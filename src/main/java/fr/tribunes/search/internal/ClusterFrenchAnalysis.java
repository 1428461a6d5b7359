package fr.tribunes.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * {@link FrenchAnalysis} for a search cluster (OpenSearch, Elasticsearch), filter for filter, so that a query finds
 * the same op-eds on either backend (SearchOnOpenSearchTests runs the search suite on both).
 *
 * <ol>
 *   <li>the typographic apostrophe ’ becomes ' before the tokenizer (offsets kept, so highlights still fall on the
 *       text as published): the elision filter then strips "l’", "qu’", "jusqu’" whichever was typed;
 *   <li>elision with Lucene's French list, any case; lower case; French stop words (before folding, the list is
 *       accented); accent folding; light French stemming.
 * </ol>
 *
 * The gap between the values of a multi-valued field ({@link FrenchAnalysis#GAP_BETWEEN_VALUES}) is the cluster's
 * default for text fields, 100.
 */
public class ClusterFrenchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.charFilter("french_apostrophe").type("mapping").param("mappings", "\u2019=>'");
        context.tokenFilter("french_elision")
                .type("elision")
                .param("articles_case", true)
                .param("articles", "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu");
        context.tokenFilter("french_stop")
                .type("stop")
                .param("stopwords", "_french_")
                .param("ignore_case", true);
        context.tokenFilter("french_light_stem").type("stemmer").param("language", "light_french");
        context.analyzer(FrenchAnalysis.FRENCH)
                .custom()
                .tokenizer("standard")
                .charFilters("french_apostrophe")
                .tokenFilters("french_elision", "lowercase", "french_stop", "asciifolding", "french_light_stem");
    }
}
