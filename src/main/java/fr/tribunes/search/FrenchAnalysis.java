package fr.tribunes.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
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

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH)
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(ElisionFilterFactory.class)
                .param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(StopFilterFactory.class)
                .param("words", "org/apache/lucene/analysis/snowball/french_stop.txt")
                .param("format", "snowball")
                .param("ignoreCase", "true")
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(FrenchLightStemFilterFactory.class);
    }
}
