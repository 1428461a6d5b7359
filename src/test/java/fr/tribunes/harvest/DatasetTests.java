package fr.tribunes.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.tribunes.SeedTribune;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TestClock;
import fr.tribunes.article.ArticleEditor;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The corpus as a researcher downloads it: {@code datapackage.json} checked with a JSON Schema validator against
 * Frictionless Data's own schemas (Data Package, Table Schema: copies in {@code src/test/resources/schemas/}), then
 * the JSON Lines and the CSV read back (the CSV with Apache Commons CSV) and compared with the archive and with what
 * the package says of them; drafts absent; the files revalidated with their ETag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The same archive as OaiPmhTests (the same settings: Spring starts it once for both); the files are read two
// op-eds at a time, so a few op-eds make several batches.
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:harvest-tests;DB_CLOSE_DELAY=-1",
            "tribunes.oai.page-size=3",
            "tribunes.dataset.batch=2"
        })
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
class DatasetTests {

    static final int N = 9200;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void archive(@Autowired ApplicationContext site, @Autowired ArticleEditor editor) throws Exception {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.add(N + 1, LocalDate.of(2019, 1, 2));
        synthetic.add(N + 2, LocalDate.of(2019, 2, 3));
        synthetic.add(N + 3, LocalDate.of(2019, 3, 4));
        // A draft: never in the dataset.
        editor.create(SyntheticArticles.draft(N + 4), "test");
    }

    @Test
    void theDataPackageIsValidAndDescribesEveryFieldOfBothFiles() throws Exception {
        JsonNode dataPackage = JSON.readTree(get("/donnees/datapackage.json", "application/json"));

        assertThat(errors("data-package.json", dataPackage)).isEmpty();
        for (JsonNode resource : dataPackage.path("resources")) {
            assertThat(errors("table-schema.json", resource.path("schema")))
                    .as(resource.path("name").asString())
                    .isEmpty();
        }
        JsonNode csv = resource(dataPackage, "tribunes-csv");
        JsonNode jsonl = resource(dataPackage, "tribunes-jsonl");
        assertThat(csv.path("path").asString()).isEqualTo("tribunes.csv");
        assertThat(jsonl.path("path").asString()).isEqualTo("tribunes.jsonl");
        for (JsonNode field : csv.path("schema").path("fields")) {
            assertThat(field.path("description").asString())
                    .as(field.path("name").asString())
                    .isNotBlank();
        }
        // The rights, said where a reader of the package looks first.
        assertThat(dataPackage.path("description").asString())
                .contains("propriété de leurs ayants droit", "rights_*", "aucun texte sous une licence libre");

        // The files hold exactly the fields described, in that order.
        List<String> csvHeader = csv().getHeaderNames();
        assertThat(csvHeader).containsExactlyElementsOf(names(csv));
        assertThat(JSON.readTree(jsonLines().get(0)).propertyNames()).containsExactlyElementsOf(names(jsonl));

        // A validator that finds nothing wrong with anything proves nothing: a broken package is refused.
        ((tools.jackson.databind.node.ObjectNode) dataPackage).put("name", "Pas un nom valide !");
        assertThat(errors("data-package.json", dataPackage)).isNotEmpty();
    }

    @Test
    void theJsonLinesHoldEveryPublishedOpEdOnceWithItsTextAsPublished() throws Exception {
        List<String> lines = jsonLines();
        List<Long> published =
                jdbc.queryForList("select id from article where status = 'PUBLISHED' order by id", Long.class);
        List<Long> ids = new ArrayList<>();
        JsonNode seed = null;
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            ids.add(record.path("id").asLong());
            if (record.path("slug").asString().equals(SeedTribune.SLUG)) {
                seed = record;
            }
        }
        assertThat(ids).containsExactlyElementsOf(published);
        assertThat(seed).isNotNull();
        assertThat(seed.path("url").asString()).isEqualTo("http://localhost:8080" + SeedTribune.PATH);
        assertThat(seed.path("date").asString()).isEqualTo("2015-10");
        assertThat(seed.path("date_approximate").asBoolean()).isTrue();
        assertThat(seed.path("original_publisher").asString()).isEqualTo("La Revue du Digital");
        assertThat(seed.path("publication_kind").asString()).isEqualTo("magazine");
        assertThat(seed.path("rights_holder").asString()).isEqualTo("Théodore Michel Vrangos et La Revue du Digital");
        assertThat(seed.path("rights_basis").asString()).isEqualTo("archive");
        assertThat(seed.path("rights_license").isNull()).isTrue();
        assertThat(seed.path("authors").get(0).path("family_name").asString()).isEqualTo("Vrangos");
        assertThat(seed.path("organisations").findValuesAsString("slug")).contains("numergy");
        // The text, block for block, is the API's, which the site's tests compare with the seed file.
        JsonNode api = JSON.readTree(get("/api/tribunes/" + SeedTribune.SLUG, "application/json"));
        List<String> blocks = new ArrayList<>();
        seed.path("blocks").forEach(block -> blocks.add(block.path("text").asString()));
        List<String> apiBlocks = new ArrayList<>();
        api.path("blocks").forEach(block -> apiBlocks.add(block.path("text").asString()));
        assertThat(blocks).isNotEmpty().containsExactlyElementsOf(apiBlocks);
        assertThat(String.join("\n", blocks)).contains("Numergy");
    }

    @Test
    void theCsvHoldsTheSameRecordsAndReadsBackWhole() throws Exception {
        List<CSVRecord> rows = csv().getRecords();
        List<String> lines = jsonLines();
        assertThat(rows).hasSameSizeAs(lines);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode record = JSON.readTree(lines.get(i));
            assertThat(row.get("id")).isEqualTo(record.path("id").asString());
            assertThat(row.get("title")).isEqualTo(record.path("title").asString());
            List<String> text = new ArrayList<>();
            record.path("blocks")
                    .forEach(block -> text.add((block.path("kind").asString().equals("heading") ? "## " : "")
                            + block.path("text").asString()));
            assertThat(row.get("text")).isEqualTo(String.join("\n\n", text));
            List<String> authors = new ArrayList<>();
            JSON.readTree(row.get("authors")).forEach(name -> authors.add(name.asString()));
            assertThat(authors).containsExactlyElementsOf(record.path("authors").findValuesAsString("name"));
        }
    }

    @Test
    void aClientWithTheCurrentCopyGetsNotModifiedUntilTheArchiveChanges(@Autowired ApplicationContext site) {
        for (String file : List.of("/donnees/tribunes.jsonl", "/donnees/tribunes.csv", "/donnees/datapackage.json")) {
            MvcTestResult first = mvc.get().uri(file).exchange();
            String etag = first.getResponse().getHeader("ETag");
            assertThat(etag).as(file).isNotBlank();
            assertThat(first.getResponse().getHeader("Last-Modified")).as(file).isNotBlank();
            assertThat(mvc.get().uri(file).header("If-None-Match", etag).exchange())
                    .as(file)
                    .hasStatus(304);
        }
        String before =
                mvc.get().uri("/donnees/tribunes.csv").exchange().getResponse().getHeader("ETag");
        SyntheticArticles.inSite(site).add(N + 5, LocalDate.of(2019, 5, 6));
        MvcTestResult after = mvc.get()
                .uri("/donnees/tribunes.csv")
                .header("If-None-Match", before)
                .exchange();
        assertThat(after).hasStatusOk();
        assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(before);
    }

    @Test
    void thePageSaysWhatTheDataIsInFrench() throws Exception {
        String page = get("/donnees", "text/html");
        assertThat(page)
                .contains("<h1>Données</h1>", "tribunes.jsonl", "tribunes.csv", "datapackage.json")
                .contains("rights_holder", "OAI-PMH", "Memento");
    }

    private List<String> jsonLines() throws Exception {
        String body = get("/donnees/tribunes.jsonl", "application/jsonl");
        assertThat(body).endsWith("\n");
        return body.lines().toList();
    }

    private CSVParser csv() throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(get("/donnees/tribunes.csv", "text/csv")));
    }

    private String get(String path, String type) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).as(path).hasStatusOk();
        assertThat(result.getResponse().getContentType()).as(path).startsWith(type);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode resource(JsonNode dataPackage, String name) {
        for (JsonNode resource : dataPackage.path("resources")) {
            if (resource.path("name").asString().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("No resource " + name);
    }

    private static List<String> names(JsonNode resource) {
        return resource.path("schema").path("fields").findValuesAsString("name");
    }

    /** What Frictionless's JSON Schema (draft 4) finds wrong with a descriptor. */
    private static List<String> errors(String schemaFile, JsonNode descriptor) throws Exception {
        Schema schema;
        try (InputStream in = DatasetTests.class.getResourceAsStream("/schemas/" + schemaFile)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(JSON.readTree(in));
        }
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(descriptor)) {
            messages.add(error.toString());
        }
        return messages;
    }
}
