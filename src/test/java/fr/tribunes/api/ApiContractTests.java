package fr.tribunes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API keeps its own contract: every answer of every route, errors included, is checked against the schema
 * that {@code /v3/api-docs} gives for that route, status and type, with a JSON Schema validator (networknt, draft
 * 2020-12, the dialect of OpenAPI 3.1). An answer the description does not mention fails too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class ApiContractTests {

    /** This class's synthetic op-ed, apart from other classes' in the shared site. */
    static final int N = 6000;

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Requests for every route, answered well and badly. */
    static final List<String> REQUESTS = List.of(
            "/api/tribunes",
            "/api/tribunes?page=2",
            "/api/tribunes?theme=cloud-souverain&auteur=theodore-michel-vrangos&annee=2015",
            "/api/tribunes?organisation=numergy",
            "/api/tribunes?annee=2020",
            "/api/tribunes?page=0",
            "/api/tribunes?page=abc",
            "/api/tribunes?page=99999",
            "/api/tribunes?annee=15",
            "/api/tribunes?theme=inconnu",
            "/api/tribunes?auteur=inconnu",
            "/api/tribunes?organisation=inconnue",
            "/api/tribunes/" + SeedTribune.SLUG,
            "/api/tribunes/" + SyntheticArticles.slug(N),
            "/api/tribunes/inconnue",
            "/api/auteurs",
            "/api/themes",
            "/api/organisations");

    @Autowired
    MockMvcTester mvc;

    private JsonNode description;

    @BeforeAll
    void setUp(@Autowired ApplicationContext site) throws Exception {
        // An op-ed as an editor writes it without a standfirst, a publisher or an original address: the nulls.
        ArticleEditor editor = site.getBean(ArticleEditor.class);
        ArticleDraft draft = new ArticleDraft(
                SyntheticArticles.title(N),
                SyntheticArticles.slug(N),
                null,
                "Paragraphe synthétique, écrit pour le contrat de l’API.",
                "2020",
                false,
                null,
                null,
                null,
                // An author of this class's own, as the shared site's rules ask.
                List.of(new ArticleDraft.Byline(
                        "Auteur synthétique du contrat (données de test)", null, null, null, null)),
                List.of(),
                List.of());
        long id = editor.create(draft, SiteTest.EDITOR);
        editor.publish(id, SiteTest.EDITOR);
        description = JSON.readTree(body(mvc.get().uri("/v3/api-docs").exchange()));
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The schema the description gives for an answer, with the description's components beside it. */
    private Schema schemaFor(String route, int status, String mediaType) {
        JsonNode media = description
                .path("paths")
                .path(route)
                .path("get")
                .path("responses")
                .path(String.valueOf(status))
                .path("content")
                .path(mediaType);
        assertThat(media.isMissingNode())
                .as("the description says that %s may answer %d as %s", route, status, mediaType)
                .isFalse();
        ObjectNode schema = ((ObjectNode) media.path("schema")).deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", description.path("components"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
    }

    /** The route template a request is answered by. */
    private String route(String request) {
        String path = request.replaceAll("\\?.*", "");
        return path.matches("/api/tribunes/[^/]+") ? "/api/tribunes/{slug}" : path;
    }

    private static List<String> errors(Schema schema, JsonNode answer) {
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(answer)) {
            messages.add(error.toString());
        }
        return messages;
    }

    @Test
    void everyAnswerOfEveryRouteMatchesItsDescription() throws Exception {
        Set<String> routesSeen = new TreeSet<>();
        Set<Integer> statusesSeen = new TreeSet<>();
        for (String request : REQUESTS) {
            MvcTestResult result = mvc.get().uri(request).exchange();
            int status = result.getResponse().getStatus();
            String type = result.getResponse().getContentType().replaceAll(";.*", "");
            JsonNode answer = JSON.readTree(body(result));
            String route = route(request);
            assertThat(errors(schemaFor(route, status, type), answer))
                    .as("%s answered %d %s: %s", request, status, type, answer)
                    .isEmpty();
            routesSeen.add(route);
            statusesSeen.add(status);
        }
        Set<String> described = new TreeSet<>(description.path("paths").propertyNames());
        assertThat(routesSeen).as("every route the API describes was asked").isEqualTo(described);
        assertThat(statusesSeen).containsExactly(200, 400, 404);
    }

    @Test
    void theListCarriesNoTextAndTheCheckFailsAnAnswerThatBreaksTheDescription() throws Exception {
        JsonNode list = JSON.readTree(body(mvc.get().uri("/api/tribunes").exchange()));
        assertThat(list.path("items").get(0).has("blocks")).isFalse();

        // The check bites: an answer that breaks the description fails it.
        ObjectNode broken = (ObjectNode) list.deepCopy();
        ((ObjectNode) broken.path("items").get(0)).remove("title");
        assertThat(errors(schemaFor("/api/tribunes", 200, "application/json"), broken))
                .as("an item without its title breaks the description")
                .isNotEmpty();
        JsonNode whole = JSON.readTree(
                body(mvc.get().uri("/api/tribunes/" + SeedTribune.SLUG).exchange()));
        ((ObjectNode) whole).putNull("blocks");
        assertThat(errors(schemaFor("/api/tribunes/{slug}", 200, "application/json"), whole))
                .as("« \"blocks\": null » where the description says array")
                .isNotEmpty();
    }

    @Test
    void thePageParameterIsDescribedAsAnIntegerFromOne() {
        JsonNode parameters =
                description.path("paths").path("/api/tribunes").path("get").path("parameters");
        JsonNode page = null;
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asString().equals("page")) {
                page = parameter;
            }
        }
        assertThat(page).isNotNull();
        assertThat(page.path("schema").path("type").asString()).isEqualTo("integer");
        assertThat(page.path("schema").path("minimum").asInt()).isEqualTo(1);
    }
}
