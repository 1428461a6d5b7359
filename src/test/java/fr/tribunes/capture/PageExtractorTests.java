package fr.tribunes.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages written here to hold what real sites put around an op-ed (navigation, share buttons, related links, a comment
 * form) and the metadata they declare; the pages real software produced are in {@code WordPressImportTests}. Every
 * text is synthetic.
 */
class PageExtractorTests {

    static final String PAGE = """
            <!DOCTYPE html><html lang="fr"><head>
            <meta charset="utf-8"><title>Tribune synthétique – Site synthétique</title>
            <link rel="canonical" href="https://site.example/tribune-synthetique/">
            <meta property="og:site_name" content="Site synthétique">
            <meta property="og:title" content="Titre d’Open Graph">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"Pas l’article"},
              {"@type":"NewsArticle","headline":"Tribune synthétique : l’« État » et le cloud (données de test)",
               "datePublished":"2015-10-23T08:30:00+02:00","author":[{"@type":"Person","name":"Auteure Synthétique"}],
               "publisher":{"@type":"Organization","name":"Revue synthétique"}}]}</script>
            </head><body>
            <header><nav><a href="/">Accueil</a><a href="/cloud">Cloud</a></nav></header>
            <main><article>
              <h1 class="entry-title">Tribune synthétique : l’« État » et le cloud (données de test)</h1>
              <div class="entry-content">
                <p>Premier   paragraphe,
                   sur deux lignes de la source, avec une espace\u00A0insécable.</p>
                <div class="sharedaddy"><p>Partager sur les réseaux</p></div>
                <h2>Un intertitre</h2>
                <p>Deuxième paragraphe<br>après un saut de ligne, coquille comprise : « erreurs de de frappe ».</p>
                <figure><img src="x.png" alt=""><figcaption>Légende d’image</figcaption></figure>
                <div class="jp-relatedposts"><p>Articles similaires</p></div>
              </div>
              <p>Catégories : <a href="/c/cloud" rel="category tag">cloud souverain</a>, <a href="/t/pme" rel="tag">PME</a></p>
            </article>
            <div id="comments"><h2>Laisser un commentaire</h2><form><p><textarea></textarea></p></form></div>
            </main><footer><p>© Site synthétique</p></footer></body></html>
            """;

    @Test
    void theOpEdIsReadFromWhatThePageDeclaresAndItsMainContent() {
        Extracted page = PageExtractor.extract(PAGE, "https://site.example/tribune-synthetique/?utm=1");

        assertThat(page.title()).isEqualTo("Tribune synthétique : l’« État » et le cloud (données de test)");
        assertThat(page.authors()).containsExactly("Auteure Synthétique");
        // A timestamp gives its day where it was published, not in UTC.
        assertThat(page.date()).isEqualTo("2015-10-23");
        assertThat(page.publisher()).isEqualTo("Revue synthétique");
        assertThat(page.url()).isEqualTo("https://site.example/tribune-synthetique/");
        assertThat(page.themes()).containsExactly("cloud souverain", "PME");
        assertThat(page.blocks())
                .containsExactly(
                        new Extracted.Block(
                                false,
                                "Premier   paragraphe, sur deux lignes de la source, avec une espace\u00A0insécable."),
                        new Extracted.Block(true, "Un intertitre"),
                        new Extracted.Block(
                                false,
                                "Deuxième paragraphe après un saut de ligne, coquille comprise : « erreurs de de frappe »."));
        assertThat(page.text()).startsWith("Premier   paragraphe").contains("\n\n## Un intertitre\n\n");
    }

    @Test
    void withoutJsonLdTheOtherDeclarationsAreRead() {
        String page = """
                <html><head><meta name="citation_title" content="Tribune synthétique sans JSON-LD (données de test)">
                <meta name="citation_author" content="Synthétique, Auteur">
                <meta name="citation_author" content="Synthétique, Autrice">
                <meta name="citation_publication_date" content="2015/10">
                <meta name="citation_journal_title" content="Revue synthétique"></head>
                <body><div itemprop="articleBody"><p>Seul paragraphe.</p></div><p>Pied de page.</p></body></html>""";
        Extracted extracted = PageExtractor.extract(page, null);
        assertThat(extracted.title()).isEqualTo("Tribune synthétique sans JSON-LD (données de test)");
        assertThat(extracted.authors()).containsExactly("Synthétique, Auteur", "Synthétique, Autrice");
        // « 2015/10 »: the month, no invented day.
        assertThat(extracted.date()).isEqualTo("2015-10");
        assertThat(extracted.publisher()).isEqualTo("Revue synthétique");
        assertThat(extracted.blocks()).containsExactly(new Extracted.Block(false, "Seul paragraphe."));
    }

    @Test
    void aBylinePrintedAsTheFirstLineIsTheCreditNotAParagraph() {
        Extracted extracted = PageExtractor.extract("""
                <html><head><meta name="author" content="Auteure Synthétique"></head><body><article>
                <p>Auteure Synthétique, Directrice synthétique d’Organisation synthétique</p>
                <p>Le texte synthétique.</p></article></body></html>""", null);
        assertThat(extracted.credit()).isEqualTo("Directrice synthétique d’Organisation synthétique");
        assertThat(extracted.text()).isEqualTo("Le texte synthétique.");
        assertThat(extracted.draft().bylines())
                .singleElement()
                .satisfies(byline ->
                        assertThat(byline.credit()).isEqualTo("Directrice synthétique d’Organisation synthétique"));
    }

    @Test
    void aPageThatSaysNothingGivesNothingInvented() {
        Extracted extracted = PageExtractor.extract("<html><body><p>Un texte seul.</p></body></html>", null);
        assertThat(extracted.authors()).isEmpty();
        assertThat(extracted.date()).isNull();
        assertThat(extracted.publisher()).isNull();
        assertThat(extracted.blocks()).extracting(Extracted.Block::text).isEqualTo(List.of("Un texte seul."));
    }
}
