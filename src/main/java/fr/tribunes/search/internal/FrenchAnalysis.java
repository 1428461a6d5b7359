package fr.tribunes.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The French analyzer: words as French readers type them, with or without accents, capitals or "l’".
 *
 * <ol>
 *   <li>elision: "l’État", "l'etat", "qu’il", "jusqu’à" lose their article (both the typographic ’ and the
 *       plain '; Lucene's French list: l m t qu n s j d c jusqu quoiqu lorsqu puisqu);
 *   <li>lower case, then French stop words (before folding, as the list is accented);
 *   <li>accent folding: "souveraineté" and "souverainete" are one word;
 *   <li>light French stemming: singular and plural ("financement", "financements") are one word.
 * </ol>
 */
public class FrenchAnalysis implements LuceneAnalysisConfigurer {

    public static final String FRENCH = "french";

    /**
     * Changes whenever this analysis changes, so that indexes built by the previous one are rebuilt at start-up
     * ({@link SearchIndex}). 2: a position gap between the values of a multi-valued field. 3: each op-ed's version
     * in the index (not the analysis strictly, but a change of the index's mapping, which needs a rebuild too).
     */
    public static final String VERSION = "3";

    /**
     * Words of two values of a multi-valued field (two paragraphs, two themes) are never adjacent: without this
     * gap, "souverain cloud" would match the themes « cloud souverain » and « cloud computing » side by side.
     */
    static final int GAP_BETWEEN_VALUES = 100;

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        try {
            context.analyzer(FRENCH)
                    .instance(CustomAnalyzer.builder()
                            .withTokenizer(StandardTokenizerFactory.class)
                            .addTokenFilter(ElisionFilterFactory.class, "ignoreCase", "true")
                            .addTokenFilter(LowerCaseFilterFactory.class)
                            .addTokenFilter(
                                    StopFilterFactory.class,
                                    "words",
                                    "org/apache/lucene/analysis/snowball/french_stop.txt",
                                    "format",
                                    "snowball",
                                    "ignoreCase",
                                    "true")
                            .addTokenFilter(ASCIIFoldingFilterFactory.class)
                            .addTokenFilter(FrenchLightStemFilterFactory.class)
                            .withPositionIncrementGap(GAP_BETWEEN_VALUES)
                            .build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the French analyzer", e);
        }
    }
}
