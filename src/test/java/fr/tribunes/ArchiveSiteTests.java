package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real port, read as a visitor reads it: pages, links, and error pages. Runs once on
 * H2 and once on PostgreSQL (see the subclasses).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:archive-site-tests;DB_CLOSE_DELAY=-1")
@Import(ArchiveSiteTests.FailingPage.class)
abstract class ArchiveSiteTests {

    @LocalServerPort
    int port;

    WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setPrintContentOnFailingStatusCode(false);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    HtmlPage open(String path) throws IOException {
        return browser.getPage("http://localhost:" + port + path);
    }

    static String text(DomNode node) {
        return SeedTribune.normaliseWhitespace(node.getTextContent());
    }

    static List<String> texts(HtmlPage page, String selector) {
        return page.querySelectorAll(selector).stream()
                .map(ArchiveSiteTests::text)
                .toList();
    }

    static List<String> hrefs(HtmlPage page, String selector) {
        return page.querySelectorAll(selector).stream()
                .map(node -> ((HtmlElement) node).getAttribute("href"))
                .toList();
    }

    // --- Fidelity ---------------------------------------------------------------------------------------------

    @Test
    void theTribunePageShowsEveryLineOfThePublishedTextVerbatimAndInOrder() throws IOException {
        String page = text(open(SeedTribune.PATH).getBody());

        int from = 0;
        for (String line : SeedTribune.textLines()) {
            String expected = SeedTribune.normaliseWhitespace(line);
            int at = page.indexOf(expected, from);
            assertThat(at).as("line missing or out of order: %s", expected).isNotNegative();
            from = at + expected.length();
        }
    }

    // --- The op-ed page ---------------------------------------------------------------------------------------

    @Test
    void theTribunePageHasItsTitleBylineAndHonestDate() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("fr");
        // The tab's title is cut at a word (PageMetadataTests); the page's heading holds it whole.
        assertThat(page.getTitleText())
                .startsWith("L’état doit apprendre de ses erreurs")
                .endsWith("… — Tribunes");
        assertThat(texts(page, "h1")).containsExactly(SeedTribune.normaliseWhitespace(SeedTribune.title()));
        assertThat(text(page.querySelector(".byline")))
                .isEqualTo("Théodore Michel Vrangos, Président et cofondateur d’I-Tracing");
        assertThat(hrefs(page, ".byline a")).containsExactly(SeedTribune.AUTHOR_PATH, "/organisations/i-tracing");
        HtmlElement time = page.querySelector(".dateline time");
        assertThat(time.getAttribute("datetime")).isEqualTo("2015-10");
        assertThat(text(page.querySelector(".dateline"))).startsWith("Publié en octobre 2015 (date approximative)");
        assertThat(text(page.querySelector(".reading-time"))).matches("Lecture : [1-9][0-9]* min");
    }

    @Test
    void frenchTypographyIsAppliedOnThePageNotInTheArchive() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        // Stored with a no-break space before the colon (as published); shown with a narrow one.
        assertThat(page.querySelector("h1").getTextContent()).contains("erreurs\u202F: Numergy");
        assertThat(page.querySelector("#p-2").getTextContent())
                .contains("il y\u00A0a\u00A0trois ans")
                .contains("150\u00A0millions d’euros");
    }

    @Test
    void everyParagraphAndSectionHasAPermalinkToItsOwnAnchor() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        List<String> ids = page.querySelectorAll(".text > p[id], .text > h2").stream()
                .map(node -> ((HtmlElement) node).getId())
                .toList();
        assertThat(ids).hasSize(18).contains("p-1", "p-13", "s-1", "s-5");
        for (String id : ids) {
            HtmlElement link = page.querySelector("#" + id + " > a.permalink");
            assertThat(link.getAttribute("href")).isEqualTo("#" + id);
            assertThat(link.getAttribute("aria-label")).startsWith("Lien permanent vers");
        }
        // Each paragraph carries its own citation, with its own address, shown when its permalink is followed.
        assertThat(text(page.querySelector("#p-13 + .cite-paragraph")))
                .startsWith("Citer le paragraphe 13 :")
                .endsWith("Archivé par Tribunes : http://localhost:8080" + SeedTribune.PATH + "#p-13");
    }

    @Test
    void theTribunePageShowsWhereItIsInTheArchive() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        assertThat(texts(page, ".breadcrumbs li"))
                .containsExactly("Accueil", "Archives", "2015", SeedTribune.normaliseWhitespace(SeedTribune.title()));
        assertThat(hrefs(page, ".breadcrumbs a")).containsExactly("/", "/archives", "/archives/2015");
        assertThat(texts(open("/themes/cloud-souverain"), ".breadcrumbs li"))
                .containsExactly("Accueil", "Thèmes", "cloud souverain");
    }

    @Test
    void aTribuneWithoutNeighboursShowsNoRelatedSection() throws IOException {
        assertThat((Object) open(SeedTribune.PATH).querySelector(".related")).isNull();
    }

    @Test
    void theTribunePageDescribesItselfToSearchEnginesAndReferenceManagers() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);
        String url = "http://localhost:8080" + SeedTribune.PATH;

        assertThat(hrefs(page, "link[rel=canonical]")).containsExactly(url);
        assertThat(meta(page, "property", "og:type")).containsExactly("article");
        assertThat(meta(page, "property", "og:url")).containsExactly(url);
        assertThat(meta(page, "property", "article:published_time")).containsExactly("2015-10");
        assertThat(meta(page, "property", "article:author"))
                .containsExactly("http://localhost:8080" + SeedTribune.AUTHOR_PATH);
        assertThat(meta(page, "property", "article:tag")).hasSize(7).contains("cloud souverain");
        assertThat(meta(page, "name", "description").get(0)).startsWith("L’état ne doit pas reproduire");
        assertThat(meta(page, "name", "citation_title")).containsExactly(SeedTribune.title());
        // Family name first, as Google Scholar reads it: the parts an editor entered (migration V10).
        assertThat(meta(page, "name", "citation_author")).containsExactly("Vrangos, Théodore Michel");
        assertThat(meta(page, "name", "citation_publication_date")).containsExactly("2015/10");
        assertThat(meta(page, "name", "citation_journal_title")).containsExactly("La Revue du Digital");
        // EDTF: October 2015, approximately.
        assertThat(meta(page, "name", "DC.date")).containsExactly("2015-10~");
        assertThat(meta(page, "name", "DC.creator")).containsExactly("Vrangos, Théodore Michel");
        assertThat(meta(page, "name", "DC.source"))
                .containsExactly("https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/");
    }

    @Test
    void theTribunePageCarriesSchemaOrgDataAboutTheOpinionPiece() throws IOException {
        JsonNode data = JsonMapper.builder()
                .build()
                .readTree(open(SeedTribune.PATH)
                        .querySelector("script[type='application/ld+json']")
                        .getTextContent());

        assertThat(data.path("@type").asString()).isEqualTo("OpinionNewsArticle");
        assertThat(data.path("headline").asString()).isEqualTo(SeedTribune.title());
        assertThat(data.path("datePublished").asString()).isEqualTo("2015-10");
        assertThat(data.path("inLanguage").asString()).isEqualTo("fr");
        JsonNode author = data.path("author").get(0);
        assertThat(author.path("@type").asString()).isEqualTo("Person");
        assertThat(author.path("name").asString()).isEqualTo("Théodore Michel Vrangos");
        assertThat(author.path("familyName").asString()).isEqualTo("Vrangos");
        assertThat(author.path("givenName").asString()).isEqualTo("Théodore Michel");
        assertThat(author.path("affiliation").path("name").asString()).isEqualTo("I-Tracing");
        assertThat(data.path("publisher").path("name").asString()).isEqualTo("La Revue du Digital");
        assertThat(data.path("isBasedOn").asString())
                .isEqualTo("https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/");
        assertThat(data.path("keywords").size()).isEqualTo(7);
    }

    @Test
    void theTribunePageOffersACitationAndItsProvenance() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        assertThat(text(page.querySelector(".citation p")))
                .isEqualTo("Théodore Michel Vrangos, « " + SeedTribune.normaliseWhitespace(SeedTribune.title())
                        + " », La Revue du Digital, octobre 2015 (date approximative). Archivé par Tribunes : "
                        + "http://localhost:8080" + SeedTribune.PATH);
        assertThat(text(page.querySelector(".provenance")))
                .contains("Entré dans l’archive le ")
                .contains("Le jour exact de publication n’est pas connu");
    }

    static List<String> meta(HtmlPage page, String attribute, String value) {
        return page.querySelectorAll("meta[" + attribute + "='" + value + "']").stream()
                .map(node -> ((HtmlElement) node).getAttribute("content"))
                .toList();
    }

    @Test
    void sectionHeadingsAreH2WithAnchorsThatTheTableOfContentsLinksTo() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        assertThat(texts(page, ".text h2"))
                .containsExactly(
                        "150 millions d’euros",
                        "Dassault tire son épingle du jeu",
                        "Amazon en flèche",
                        "Argent facile",
                        "La décision chez les CTO, CDO et CIO");
        List<String> ids = page.querySelectorAll(".text h2").stream()
                .map(node -> ((HtmlElement) node).getId())
                .toList();
        assertThat(ids).containsExactly("s-1", "s-2", "s-3", "s-4", "s-5");
        assertThat(hrefs(page, ".toc a")).containsExactly("#s-1", "#s-2", "#s-3", "#s-4", "#s-5");
        assertThat(page.querySelectorAll(".text p[id]")).hasSize(13);
    }

    @Test
    void theTribunePageLinksItsThemesOrganisationsAndOriginal() throws IOException {
        HtmlPage page = open(SeedTribune.PATH);

        assertThat(texts(page, "a[rel=tag]"))
                .containsExactlyInAnyOrder(
                        "cloud souverain",
                        "cybersécurité",
                        "cyberdéfense",
                        "politique industrielle",
                        "financement public",
                        "PME",
                        "cloud computing");
        assertThat(hrefs(page, "a[rel=tag]")).contains("/themes/cloud-souverain");
        assertThat(hrefs(page, "a[href^='/organisations/']"))
                .contains("/organisations/numergy", "/organisations/amazon-web-services", "/organisations/atos")
                .hasSize(17); // 16 named in the text, plus I-Tracing again in the byline
        assertThat(text(page.getBody())).contains("Atos (écrit « AtosBull »)");
        HtmlElement provenance = page.querySelector(".provenance");
        assertThat(text(provenance))
                .contains("Première publication : La Revue du Digital")
                .contains("Texte reproduit à l’identique.")
                .contains("après le 22 octobre 2015");
        assertThat(hrefs(page, ".provenance a"))
                .containsExactly(
                        "https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/", SeedTribune.PATH + "/historique");
    }

    // --- Lists ------------------------------------------------------------------------------------------------

    @Test
    void theHomePageListsTheLatestTribuneItsThemesAndAuthors() throws IOException {
        HtmlPage page = open("/");

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(hrefs(page, ".card-title a")).containsExactly(SeedTribune.PATH);
        assertThat(text(page.querySelector(".card .meta")))
                .contains("Théodore Michel Vrangos, Président et cofondateur d’I-Tracing")
                .contains("octobre 2015 (date approximative)");
        assertThat(hrefs(page, "a[href^='/themes/']")).hasSize(7).contains("/themes/cloud-souverain");
        assertThat(texts(page, "#home-authors ~ ul li")).containsExactly("Théodore Michel Vrangos (1 tribune)");
    }

    @Test
    void theAuthorPageListsHisTribuneWithHisRoleAtTheTime() throws IOException {
        HtmlPage page = open(SeedTribune.AUTHOR_PATH);

        assertThat(texts(page, "h1")).containsExactly("Théodore Michel Vrangos");
        assertThat(hrefs(page, ".card-title a")).containsExactly(SeedTribune.PATH);
        assertThat(text(page.querySelector(".card .meta"))).contains("Président et cofondateur d’I-Tracing");

        HtmlPage authors = open("/auteurs");
        assertThat(texts(authors, ".facets li")).containsExactly("Théodore Michel Vrangos (1 tribune)");
        assertThat(hrefs(authors, ".facets a")).containsExactly(SeedTribune.AUTHOR_PATH);
    }

    @Test
    void theCloudSouverainPageListsTheTribune() throws IOException {
        HtmlPage page = open("/themes/cloud-souverain");

        assertThat(texts(page, "h1")).containsExactly("Thème : cloud souverain");
        assertThat(hrefs(page, ".card-title a")).containsExactly(SeedTribune.PATH);

        HtmlPage topics = open("/themes");
        assertThat(texts(topics, ".facets li")).hasSize(7).contains("cloud souverain (1 tribune)");
    }

    @Test
    void theOrganisationPagesListTheTribunesNamingThem() throws IOException {
        HtmlPage page = open("/organisations/numergy");

        assertThat(texts(page, "h1")).containsExactly("Numergy");
        assertThat(hrefs(page, ".card-title a")).containsExactly(SeedTribune.PATH);

        HtmlPage organisations = open("/organisations");
        assertThat(texts(organisations, ".facets li"))
                .hasSize(16)
                .contains("Amazon Web Services (1 tribune)", "Les Echos (1 tribune)");
    }

    @Test
    void theArchivesListTheTribuneUnder2015() throws IOException {
        HtmlPage archives = open("/archives");
        assertThat(texts(archives, ".facets li")).containsExactly("2015 (1 tribune)");

        HtmlPage year = open("/archives/2015");
        assertThat(texts(year, "h1")).containsExactly("Tribunes publiées en 2015");
        assertThat(hrefs(year, ".card-title a")).containsExactly(SeedTribune.PATH);
    }

    @Test
    void aVisitorReachesTheAuthorAndTheThemeFromTheHomePageByClicking() throws IOException {
        HtmlPage home = open("/");
        HtmlPage tribune = home.<HtmlAnchor>querySelector(".card-title a").click();
        assertThat(texts(tribune, "h1")).containsExactly(SeedTribune.normaliseWhitespace(SeedTribune.title()));

        HtmlPage author = tribune.getAnchorByText("Théodore Michel Vrangos").click();
        assertThat(author.getUrl().getPath()).isEqualTo(SeedTribune.AUTHOR_PATH);
        HtmlPage backToTribune =
                author.<HtmlAnchor>querySelector(".card-title a").click();
        assertThat(backToTribune.getUrl().getPath()).isEqualTo(SeedTribune.PATH);

        HtmlPage theme = backToTribune.getAnchorByText("cloud souverain").click();
        assertThat(theme.getUrl().getPath()).isEqualTo("/themes/cloud-souverain");
        assertThat(texts(theme, ".card-title a")).containsExactly(SeedTribune.normaliseWhitespace(SeedTribune.title()));

        HtmlPage topics = theme.getAnchorByText("Thèmes").click();
        assertThat(topics.getUrl().getPath()).isEqualTo("/themes");
    }

    @Test
    void aVisitorSearchesFromTheBoxInTheHeader() throws IOException {
        HtmlPage home = open("/");
        home.<org.htmlunit.html.HtmlInput>querySelector("#recherche").type("l'etat numergy");
        HtmlPage results =
                home.<HtmlElement>querySelector(".site-search button").click();

        assertThat(results.getUrl().getPath()).isEqualTo("/recherche");
        assertThat(text(results.querySelector(".search-summary"))).isEqualTo("1 tribune trouvée");
        assertThat(hrefs(results, ".search-results .card-title a")).containsExactly(SeedTribune.PATH);
        assertThat(texts(results, ".snippet mark")).isNotEmpty();
    }

    @Test
    void theFeedsAndTheApiFilterOnThisDatabaseToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of(
                "/api/tribunes",
                "/api/tribunes?theme=pme&annee=2015",
                "/api/tribunes?organisation=numergy&auteur=theodore-michel-vrangos",
                "/flux.atom",
                "/flux.atom?auteur=theodore-michel-vrangos&theme=cloud-souverain")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains(SeedTribune.SLUG);
        }
    }

    // --- Errors -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tribunes/inconnue",
                "/auteurs/inconnu",
                "/themes/inconnu",
                "/organisations/inconnue",
                "/archives/1999",
                "/nulle-part",
                "/tribunes/",
                "/css/absente.css"
            })
    void anUnknownAddressAnswersTheFrench404Page(String path) throws IOException {
        HtmlPage page = open(path);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(texts(page, "h1")).containsExactly("Page introuvable");
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("fr");
        assertThat(page.asXml()).doesNotContain("Whitelabel");
    }

    @Test
    void the404PageIsHtmlEvenForClientsThatAcceptAnything() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nulle-part"))
                                .header("Accept", "*/*")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Page introuvable").doesNotContain("\"status\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/themes/cloud-souverain?page=0",
                "/themes/cloud-souverain?page=-1",
                "/themes/cloud-souverain?page=abc",
                "/themes/cloud-souverain?page=1.5",
                "/themes/cloud-souverain?page=99999",
                "/themes/cloud-souverain?page=99999999999999999999",
                "/auteurs/theodore-michel-vrangos?page=0",
                "/organisations/numergy?page=x",
                "/archives/2015?page=2",
                "/archives/15",
                "/archives/deux-mille-quinze"
            })
    void aBadParameterAnswersTheFrench400PageWithTheReason(String path) throws IOException {
        HtmlPage page = open(path);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(texts(page, "h1")).containsExactly("Requête incorrecte");
        assertThat(text(page.querySelector(".reason"))).isNotBlank();
    }

    @Test
    void the400PageSaysWhyThePageNumberIsRefused() throws IOException {
        assertThat(text(open("/themes/cloud-souverain?page=99999").querySelector(".reason")))
                .isEqualTo("La page 99999 n’existe pas : cette liste compte 1 page.");
        assertThat(text(open("/themes/cloud-souverain?page=abc").querySelector(".reason")))
                .isEqualTo("« abc » n’est pas un numéro de page : indiquez un nombre entier à partir de 1.");
    }

    @Test
    void anEmptyPageParameterMeansTheFirstPage() throws IOException {
        assertThat(open("/themes/cloud-souverain?page=").getWebResponse().getStatusCode())
                .isEqualTo(200);
        assertThat(open("/themes/cloud-souverain?page=1").getWebResponse().getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void aMalformedAddressRefusedByTheServerItselfGetsAFrenchPage() throws IOException {
        String response = rawGet("/%");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Requête incorrecte").doesNotContain("Tomcat");
        // Spring Security never sees this request: the page still gets the site's security headers.
        assertThat(response)
                .contains("Content-Security-Policy: default-src 'none';")
                .contains("X-Content-Type-Options: nosniff")
                .contains("Referrer-Policy: strict-origin-when-cross-origin")
                .contains("Permissions-Policy: camera=()");
    }

    @Test
    void aRefusedMethodGetsAFrenchPage() throws Exception {
        // With a valid CSRF token, so that what is refused is the method: without one, Spring Security refuses
        // any DELETE first, with the French 403 page (see fr.tribunes.account.SignInTests).
        String token =
                open("/connexion").<HtmlInput>querySelector("input[name=_csrf]").getValue();
        WebRequest delete = new WebRequest(new URL("http://localhost:" + port + "/"), HttpMethod.DELETE);
        delete.setAdditionalHeader("X-CSRF-TOKEN", token);
        WebResponse response = browser.loadWebResponse(delete);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getContentAsString()).contains("lang=\"fr\"").contains("Erreur 405");
    }

    @Test
    void aServerFailureShowsTheFrench500PageWithoutAnyDetail() throws IOException {
        HtmlPage page = open(FailingPage.PATH);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(500);
        assertThat(texts(page, "h1")).containsExactly("Erreur du serveur");
        assertThat(page.asXml())
                .doesNotContain(FailingPage.SECRET)
                .doesNotContain("IllegalStateException")
                .doesNotContain("at fr.tribunes")
                .doesNotContain("Whitelabel");
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** A page that fails, standing for any bug: what a visitor sees then must give nothing away. */
    @TestConfiguration(proxyBeanMethods = false)
    @Controller
    static class FailingPage {

        static final String PATH = "/test/panne";

        static final String SECRET = "détail interne à ne jamais montrer";

        @GetMapping(PATH)
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
