package fr.tribunes.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import fr.tribunes.SeedTribune;
import fr.tribunes.SyntheticArticles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.xml.sax.InputSource;

/** The Atom feeds, read back with Rome as a feed reader would; the sitemap and robots.txt. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// An archive of its own: the whole archive's feed and sitemap are compared with the op-eds it added.
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:feed-tests;DB_CLOSE_DELAY=-1",
            // Two op-eds per sitemap file, so three op-eds need two files.
            "tribunes.sitemap.per-file=2"
        })
@AutoConfigureMockMvc
class FeedTests {

    /** This class's synthetic op-eds are numbered from here, apart from other classes' in the shared site. */
    static final int N = 3000;

    static final String SEED_URL = "http://localhost:8080" + SeedTribune.PATH;

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addSyntheticArticles(@Autowired ApplicationContext site) {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.add(N + 1, LocalDate.of(2020, 1, 2), "pme");
        synthetic.add(N + 2, LocalDate.of(2021, 3, 4), "cloud-souverain", "pme");
        // Synthetic n° 2 is signed by the seed's author too, so that a combined feed has something to choose.
        synthetic.sign(SyntheticArticles.slug(N + 2), 1, "theodore-michel-vrangos", null);
    }

    @Autowired
    JdbcTemplate jdbc;

    private String xml(String path) throws Exception {
        String xml = get(path, 200, "application/xml");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return xml;
    }

    private String get(String path, int status, String contentType) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(contentType);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Feed feed(String path) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(get(path, 200, "application/atom+xml")));
    }

    private static List<String> entryIds(Feed feed) {
        return feed.getEntries().stream().map(Entry::getId).toList();
    }

    @Test
    void theArchiveFeedCarriesEveryRequiredAtomElementAndTheFullText() throws Exception {
        Feed feed = feed("/flux.atom");
        org.w3c.dom.Element root = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(get("/flux.atom", 200, "application/atom+xml"))))
                .getDocumentElement();
        assertThat(root.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang"))
                .as("the feed's language, for feed readers")
                .isEqualTo("fr");

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("http://localhost:8080/flux.atom");
        assertThat(feed.getTitle()).isEqualTo("Tribunes");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
        assertThat(entryIds(feed)).hasSize(3).contains(SEED_URL);

        Entry seed = feed.getEntries().stream()
                .filter(entry -> entry.getId().equals(SEED_URL))
                .findFirst()
                .orElseThrow();
        assertThat(seed.getTitle()).isEqualTo(SeedTribune.title());
        assertThat(seed.getUpdated()).isNotNull();
        // October 2015, day unknown: no invented "published" timestamp.
        assertThat(seed.getPublished()).isNull();
        assertThat(seed.getAuthors()).singleElement().satisfies(author -> {
            assertThat(author.getName()).isEqualTo("Théodore Michel Vrangos");
            assertThat(author.getUri()).isEqualTo("http://localhost:8080" + SeedTribune.AUTHOR_PATH);
        });
        assertThat(seed.getCategories()).extracting(c -> c.getLabel()).contains("cloud souverain", "PME");
        assertThat(seed.getRights())
                .isEqualTo("© Théodore Michel Vrangos et La Revue du Digital. Tous droits réservés\u202F;"
                        + " reproduit à titre d’archive, avec sa source.");
        assertThat(seed.getOtherLinks())
                .singleElement()
                .satisfies(link -> assertThat(link.getHref())
                        .isEqualTo("https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/"));
        String content = seed.getContents().get(0).getValue();
        assertThat(seed.getContents().get(0).getType()).isEqualTo("html");
        assertThat(content)
                .contains("<h2>Argent facile</h2>")
                .contains("Publié en octobre 2015 (date approximative) par La Revue du Digital.");
        for (String line :
                SeedTribune.textLines().subList(3, SeedTribune.textLines().size())) {
            assertThat(content).contains(HtmlUtils.htmlEscape(line, "UTF-8"));
        }
    }

    @Test
    void anAuthorsAndAThemesFeedHoldOnlyTheirOpEds() throws Exception {
        assertThat(entryIds(feed(SeedTribune.AUTHOR_PATH + "/flux.atom")))
                .containsExactly("http://localhost:8080/tribunes/" + SyntheticArticles.slug(N + 2), SEED_URL);
        assertThat(entryIds(feed("/themes/cloud-souverain/flux.atom")))
                .containsExactly("http://localhost:8080/tribunes/" + SyntheticArticles.slug(N + 2), SEED_URL);
    }

    @Test
    void theCombinedFeedHoldsOnlyEntriesMatchingBothFilters() throws Exception {
        Feed feed = feed("/flux.atom?auteur=theodore-michel-vrangos&theme=pme");

        assertThat(feed.getTitle()).isEqualTo("Tribunes — Théodore Michel Vrangos — PME");
        assertThat(entryIds(feed))
                .containsExactly("http://localhost:8080/tribunes/" + SyntheticArticles.slug(N + 2), SEED_URL);
        assertThat(entryIds(feed("/flux.atom?auteur=theodore-michel-vrangos&theme=cybersecurite")))
                .containsExactly(SEED_URL);
    }

    @Test
    void unknownAuthorsAndThemesAnswer404AndBadParameters400InXml() throws Exception {
        assertThat(get("/auteurs/personne/flux.atom", 404, "application/xml")).contains("<erreur statut=\"404\">");
        assertThat(get("/themes/inconnu/flux.atom", 404, "application/xml")).contains("Aucun thème");
        assertThat(get("/flux.atom?auteur=personne", 404, "application/xml")).contains("Aucun auteur");
        MvcTestResult hostile =
                mvc.get().uri("/flux.atom").param("theme", "<script>").exchange();
        assertThat(hostile).hasStatus(400);
        assertThat(hostile.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void pagesLinkToTheirFeeds() throws Exception {
        assertThat(get("/themes/pme", 200, "text/html"))
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tribunes\u202F: PME (Atom)\""
                        + " href=\"/themes/pme/flux.atom\">")
                .contains("href=\"/flux.atom\"");
        assertThat(get(SeedTribune.AUTHOR_PATH, 200, "text/html"))
                .contains("href=\"" + SeedTribune.AUTHOR_PATH + "/flux.atom\"");
    }

    @Test
    void theSitemapListsEveryPublicPageWithItsLastChangeAndRobotsPointToIt() throws Exception {
        String index = xml("/sitemap.xml");
        assertThat(index)
                .contains("<sitemapindex")
                .contains("<loc>http://localhost:8080/sitemaps/pages.xml</loc>")
                .contains("<loc>http://localhost:8080/sitemaps/tribunes-1.xml</loc>")
                .contains("<loc>http://localhost:8080/sitemaps/tribunes-2.xml</loc>")
                .doesNotContain("tribunes-3.xml");

        String seedDay = jdbc.queryForObject(
                        "select updated_at from article where slug = ?",
                        java.time.OffsetDateTime.class,
                        SeedTribune.SLUG)
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDate()
                .toString();
        String articles = xml("/sitemaps/tribunes-1.xml") + xml("/sitemaps/tribunes-2.xml");
        assertThat(articles)
                .contains("<loc>" + SEED_URL + "</loc><lastmod>" + seedDay + "</lastmod>")
                .contains("<loc>http://localhost:8080/tribunes/" + SyntheticArticles.slug(N + 1) + "</loc><lastmod>")
                .contains("<loc>http://localhost:8080/tribunes/" + SyntheticArticles.slug(N + 2) + "</loc><lastmod>");
        assertThat(xml("/sitemaps/pages.xml"))
                .contains("<loc>http://localhost:8080/themes/cloud-souverain</loc><lastmod>")
                .contains("<loc>http://localhost:8080" + SeedTribune.AUTHOR_PATH + "</loc><lastmod>")
                .contains("<loc>http://localhost:8080/organisations/numergy</loc><lastmod>")
                .contains("<loc>http://localhost:8080/</loc><lastmod>")
                .contains("<loc>http://localhost:8080/archives/2015</loc><lastmod>");
        assertThat(mvc.get().uri("/sitemaps/tribunes-3.xml").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/sitemaps/tribunes-0.xml").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/sitemaps/tribunes-x.xml").exchange()).hasStatus(404);

        assertThat(get("/robots.txt", 200, "text/plain"))
                .contains("Disallow: /admin/")
                .contains("Sitemap: http://localhost:8080/sitemap.xml");
    }
}
