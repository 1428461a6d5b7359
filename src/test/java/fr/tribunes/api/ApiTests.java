package fr.tribunes.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read-only JSON API, its OpenAPI description, its errors as problem details, and CORS for GET. */
// An archive of its own: it counts the op-eds of every author, theme and organisation.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private JsonNode json(String path, int status, String type) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(type);
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theListOfTribunesIsPaginatedAndFilterable() throws Exception {
        JsonNode page = json(
                "/api/tribunes?theme=cloud-souverain&auteur=theodore-michel-vrangos&annee=2015",
                200,
                "application/json");

        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("totalItems").asInt()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("slug").asString()).isEqualTo(SeedTribune.SLUG);
        assertThat(item.path("date").path("iso").asString()).isEqualTo("2015-10");
        assertThat(item.path("date").path("approximate").asBoolean()).isTrue();
        assertThat(item.has("blocks")).as("a list carries no text").isFalse();

        assertThat(json("/api/tribunes?annee=2016", 200, "application/json")
                        .path("totalItems")
                        .asInt())
                .isZero();
        assertThat(json("/api/tribunes?organisation=numergy", 200, "application/json")
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void oneTribuneComesWholeWithItsProvenanceAndVerbatimText() throws Exception {
        JsonNode article = json("/api/tribunes/" + SeedTribune.SLUG, 200, "application/json");

        assertThat(article.path("title").asString()).isEqualTo(SeedTribune.title());
        assertThat(article.path("authors").get(0).path("credit").asString())
                .isEqualTo("Président et cofondateur d’I-Tracing");
        assertThat(article.path("provenance").path("publisher").asString()).isEqualTo("La Revue du Digital");
        assertThat(article.path("provenance").path("verbatim").asBoolean()).isTrue();
        JsonNode blocks = article.path("blocks");
        assertThat(blocks.size()).isEqualTo(18);
        assertThat(blocks.get(1).path("heading").asBoolean()).isTrue();
        assertThat(blocks.get(1).path("text").asString()).isEqualTo("150 millions d’euros");
        assertThat(blocks.get(17).path("text").asString())
                .isEqualTo(SeedTribune.lines().get(41));
    }

    @Test
    void authorsThemesAndOrganisationsComeWithTheirCounts() throws Exception {
        assertThat(json("/api/auteurs", 200, "application/json")
                        .get(0)
                        .path("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(json("/api/themes", 200, "application/json").size()).isEqualTo(7);
        assertThat(json("/api/organisations", 200, "application/json").size()).isEqualTo(16);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/tribunes/inconnue, 404",
        "/api/tribunes?theme=inconnu, 404",
        "/api/tribunes?page=0, 400",
        "/api/tribunes?page=abc, 400",
        "/api/tribunes?page=99, 400",
        "/api/tribunes?annee=15, 400"
    })
    void errorsAreProblemDetailsInFrench(String path, int status) throws Exception {
        JsonNode problem = json(path, status, "application/problem+json");

        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isIn("Introuvable", "Requête incorrecte");
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void theOpenApiDocumentListsEveryApiPath() throws Exception {
        JsonNode paths = json("/v3/api-docs", 200, "application/json").path("paths");

        assertThat(paths.propertyNames())
                .contains("/api/tribunes", "/api/tribunes/{slug}", "/api/auteurs", "/api/themes", "/api/organisations");
    }

    @Test
    void otherSitesMayReadTheApi() {
        assertThat(mvc.get().uri("/api/themes").header("Origin", "https://exemple.org"))
                .hasStatusOk()
                .hasHeader("Access-Control-Allow-Origin", "*");
    }
}
