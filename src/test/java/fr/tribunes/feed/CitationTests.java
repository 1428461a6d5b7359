package fr.tribunes.feed;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.Rights;
import fr.tribunes.facet.ArticleCard;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seeded op-ed as BibTeX, RIS, CSL-JSON and Markdown, each read back as its users' tools would. */
@SiteTest
class CitationTests {

    static final String ORIGINAL = "https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/";

    @Autowired
    MockMvcTester mvc;

    private String get(String path, String contentType) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith(contentType);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void bibtexParsesWithTitleAuthorJournalYearAndUrl() throws Exception {
        String bib = get(SeedTribune.PATH + "/citation.bib", "application/x-bibtex");

        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib));
        assertThat(database.getEntries()).hasSize(1);
        BibTeXEntry entry = database.getEntries().values().iterator().next();
        assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_ARTICLE);
        assertThat(entry.getKey().getValue()).isEqualTo("vrangos2015etat");
        assertThat(entry.getField(BibTeXEntry.KEY_TITLE).toUserString()).contains("Numergy en procédure de sauvegarde");
        // The name's parts as an editor entered them (migration V10), family name first.
        assertThat(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).isEqualTo("{Vrangos}, Théodore Michel");
        // A magazine's article (the publisher's kind, migration V11), its date approximate in EDTF.
        assertThat(entry.getField(new Key("entrysubtype")).toUserString()).isEqualTo("magazine");
        assertThat(entry.getField(new Key("date")).toUserString()).isEqualTo("2015-10~");
        assertThat(entry.getField(BibTeXEntry.KEY_JOURNAL).toUserString()).isEqualTo("La Revue du Digital");
        assertThat(entry.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("2015");
        assertThat(entry.getField(BibTeXEntry.KEY_MONTH).toUserString())
                .isEqualTo("October"); // the "oct" macro, as BibTeX resolves it
        assertThat(entry.getField(BibTeXEntry.KEY_URL).toUserString()).isEqualTo(ORIGINAL);
        assertThat(entry.getField(new Key("note")).toUserString()).contains("http://localhost:8080" + SeedTribune.PATH);
    }

    /**
     * A line break typed in a one-line field (an author's or a theme's name, the publisher, the address) must not
     * begin a field of its own in RIS, where a line is a field: « ER » would end the reference and « TY » begin a
     * forged one in the reader's library.
     */
    @Test
    void aLineBreakInANameCannotForgeASecondRisReference() {
        ArticleDocument forged = new ArticleDocument(
                1,
                "tribune-synthetique-ris",
                "Tribune synthétique (données de test)",
                null,
                "octobre 2015",
                "2015-10",
                false,
                List.of(new ArticleCard.Byline(
                        "Auteur\nUR  - https://evil.example/\nER  - \nTY  - JOUR", "auteur", null)),
                List.of(),
                List.of(new ArticleDocument.Named("theme", "Thème\r\nER  - \u2028TY  - JOUR")),
                List.of(),
                "Éditeur\nTY  - JOUR",
                "https://example.org/\nER  - ",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                Rights.UNKNOWN);

        String ris = CitationFormats.ris(forged, "http://localhost/tribunes/tribune-synthetique-ris");

        List<String> lines = List.of(ris.split("\r\n"));
        assertThat(lines).filteredOn(line -> line.startsWith("TY  - ")).containsExactly("TY  - NEWS");
        assertThat(lines).filteredOn(line -> line.startsWith("ER  - ")).hasSize(1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ER  - ");
        assertThat(String.join("", lines)).doesNotContain("\n", "\r", "\u2028");
        assertThat(lines)
                .contains(
                        "AU  - Auteur UR  - https://evil.example/ ER  - TY  - JOUR",
                        "KW  - Thème ER  - TY  - JOUR",
                        "T2  - Éditeur TY  - JOUR");
    }

    @Test
    void risCarriesTheReferenceLineByLine() throws Exception {
        String ris = get(SeedTribune.PATH + "/citation.ris", "application/x-research-info-systems");

        assertThat(ris.split("\r\n"))
                .startsWith("TY  - MGZN")
                .contains(
                        "TI  - " + SeedTribune.title(),
                        "AU  - Vrangos, Théodore Michel",
                        "PY  - 2015",
                        "DA  - 2015/10//",
                        "T2  - La Revue du Digital",
                        "UR  - " + ORIGINAL,
                        "KW  - cloud souverain")
                .endsWith("ER  - ");
    }

    @Test
    void cslJsonIsJsonWithTheFieldsCitationStylesNeed() throws Exception {
        JsonNode items = JsonMapper.builder()
                .build()
                .readTree(get(SeedTribune.PATH + "/citation.json", "application/vnd.citationstyles.csl+json"));

        JsonNode item = items.get(0);
        assertThat(item.path("type").asString()).isEqualTo("article-magazine");
        assertThat(item.path("title").asString()).isEqualTo(SeedTribune.title());
        assertThat(item.path("author").get(0).path("family").asString()).isEqualTo("Vrangos");
        assertThat(item.path("author").get(0).path("given").asString()).isEqualTo("Théodore Michel");
        assertThat(item.path("author").get(0).has("literal")).isFalse();
        // The archived copy's address is in the note, not where styles print a shelf mark.
        assertThat(item.has("archive_location")).isFalse();
        assertThat(item.path("note").asString()).contains("http://localhost:8080" + SeedTribune.PATH);
        assertThat(item.path("container-title").asString()).isEqualTo("La Revue du Digital");
        assertThat(item.path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(2015);
        assertThat(item.path("issued").path("date-parts").get(0).get(1).asInt()).isEqualTo(10);
        assertThat(item.path("issued").path("date-parts").get(0).size()).isEqualTo(2);
        assertThat(item.path("issued").path("circa").asBoolean()).isTrue();
        assertThat(item.path("URL").asString()).isEqualTo(ORIGINAL);
    }

    @Test
    void theMarkdownHoldsTheWholeTextVerbatim() throws Exception {
        String markdown = get("/tribunes/" + SeedTribune.SLUG + ".md", "text/markdown");

        assertThat(markdown).startsWith("# " + SeedTribune.title() + "\n");
        int from = 0;
        for (String line : SeedTribune.textLines()) {
            int at = markdown.indexOf(line.replaceAll("^[\\s\\u00A0]+|[\\s\\u00A0]+$", ""), from);
            assertThat(at).as("line missing or out of order: %s", line).isNotNegative();
            from = at;
        }
        assertThat(markdown)
                .contains("## Argent facile")
                .contains("Archivé par Tribunes : <http://localhost:8080" + SeedTribune.PATH + ">");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tribunes/inconnue/citation.bib",
                "/tribunes/inconnue/citation.ris",
                "/tribunes/inconnue/citation.json",
                "/tribunes/inconnue.md"
            })
    void anUnknownOpEdAnswers404InPlainText(String path) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatus(404);
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("Aucune tribune n’a l’adresse « inconnue ».\n");
    }
}
