package fr.tribunes.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.SeedTribune;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TestClock;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * OAI-PMH as a harvester sees it: every answer checked against the protocol's XML schema and oai_dc's
 * ({@link OaiSchema}), the seed op-ed's record, a whole harvest followed token by token, selective harvesting by
 * date and by set, withdrawn op-eds as deleted records, drafts never, and every error the protocol defines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// An archive of its own, with lists short enough that a few op-eds make several pages.
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:harvest-tests;DB_CLOSE_DELAY=-1",
            "tribunes.oai.page-size=3",
            "tribunes.dataset.batch=2"
        })
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
class OaiPmhTests {

    static final int N = 9100;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    /** When the first synthetic op-eds were written (the clock's start, to the second). */
    Instant first;

    /** When the second group was written, a day later. */
    Instant second;

    long withdrawn;

    long draft;

    @BeforeAll
    void archive(@Autowired ApplicationContext site, @Autowired TestClock clock, @Autowired ArticleEditor editor)
            throws Exception {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.addFacet("topic", "theme-synthetique-a-renommer", "Thème synthétique à renommer");
        first = clock.instant();
        synthetic.add(N + 1, LocalDate.of(2020, 1, 2), "pme");
        synthetic.add(N + 2, LocalDate.of(2020, 2, 3), "theme-synthetique-a-renommer");
        clock.advance(Duration.ofDays(1));
        second = clock.instant();
        synthetic.add(N + 3, LocalDate.of(2021, 1, 2), "pme", "cloud-souverain");
        synthetic.add(N + 4, LocalDate.of(2021, 2, 3));
        synthetic.add(N + 5, LocalDate.of(2021, 3, 4), "pme");
        clock.advance(Duration.ofDays(1));
        // Published, then taken off the site: a deleted record.
        withdrawn = editor.create(draft(N + 6, "Thème synthétique retiré"), "test");
        editor.publish(withdrawn, "test");
        editor.unpublish(withdrawn);
        // Never published: nothing, its theme included.
        draft = editor.create(draft(N + 7, "Thème synthétique jamais publié"), "test");
    }

    private static ArticleDraft draft(int number, String theme) {
        ArticleDraft draft = SyntheticArticles.draft(number);
        return new ArticleDraft(
                draft.title(),
                draft.slug(),
                draft.standfirst(),
                draft.text(),
                draft.date(),
                false,
                null,
                null,
                null,
                List.of(new ArticleDraft.Byline("Auteur synthétique de moisson", null, null, null, null)),
                List.of(theme),
                List.of());
    }

    @Test
    void identifyDescribesTheArchive() throws Exception {
        Document identify = oai("verb=Identify");

        assertThat(text(identify, "//oai:Identify/oai:repositoryName")).isEqualTo("Tribunes");
        assertThat(text(identify, "//oai:Identify/oai:baseURL")).isEqualTo("http://localhost:8080/oai");
        assertThat(text(identify, "//oai:Identify/oai:protocolVersion")).isEqualTo("2.0");
        assertThat(text(identify, "//oai:Identify/oai:deletedRecord")).isEqualTo("persistent");
        assertThat(text(identify, "//oai:Identify/oai:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        // The seed, written by a migration before any of this class's op-eds, changed first.
        Instant earliest = Instant.parse(text(identify, "//oai:Identify/oai:earliestDatestamp"));
        assertThat(earliest).isBefore(first);
        assertThat(text(identify, "//oai:request/@verb")).isEqualTo("Identify");
    }

    @Test
    void theSeedOpEdIsADublinCoreRecord() throws Exception {
        long id = jdbc.queryForObject("select id from article where slug = ?", Long.class, SeedTribune.SLUG);
        Document record = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:" + id);

        String dc = "//oai:GetRecord/oai:record/oai:metadata/oai_dc:dc/";
        assertThat(text(record, "//oai:header/oai:identifier")).isEqualTo("oai:localhost:" + id);
        assertThat(texts(record, "//oai:header/oai:setSpec"))
                .contains("themes", "themes:cloud-souverain", "themes:cybersecurite");
        assertThat(text(record, dc + "dc:title"))
                .startsWith("L’état doit apprendre de ses erreurs")
                .endsWith("Numergy en procédure de sauvegarde, Amazon Web Services en forte croissance");
        assertThat(texts(record, dc + "dc:creator")).containsExactly("Vrangos, Théodore Michel");
        assertThat(text(record, dc + "dc:date")).isEqualTo("2015-10");
        assertThat(texts(record, dc + "dc:description"))
                .contains("Date de publication approximative\u202F: octobre 2015.");
        assertThat(text(record, dc + "dc:publisher")).isEqualTo("La Revue du Digital");
        assertThat(text(record, dc + "dc:source"))
                .isEqualTo("https://www.larevuedudigital.com/" + SeedTribune.SLUG + "/");
        assertThat(text(record, dc + "dc:identifier")).isEqualTo("http://localhost:8080" + SeedTribune.PATH);
        assertThat(texts(record, dc + "dc:subject")).contains("cloud souverain", "cybersécurité");
        assertThat(text(record, dc + "dc:language")).isEqualTo("fr");
        assertThat(texts(record, dc + "dc:rights"))
                .containsExactly("© Théodore Michel Vrangos et La Revue du Digital. Tous droits réservés\u202F;"
                        + " reproduit à titre d’archive, avec sa source.");
    }

    @Test
    void aWholeHarvestFollowsTheTokensToTheEndAndGivesEveryRecordOnce() throws Exception {
        List<String> identifiers = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        String query = "verb=ListRecords&metadataPrefix=oai_dc";
        int pages = 0;
        long cursor = 0;
        while (true) {
            Document page = oai(query);
            pages++;
            NodeList records = nodes(page, "//oai:ListRecords/oai:record");
            for (int i = 0; i < records.getLength(); i++) {
                Node header = node(records.item(i), "oai:header");
                String identifier = text(header, "oai:identifier");
                identifiers.add(identifier);
                if ("deleted".equals(text(header, "@status"))) {
                    deleted.add(identifier);
                    assertThat(nodes(records.item(i), "oai:metadata").getLength())
                            .isZero();
                }
            }
            String token = text(page, "//oai:resumptionToken");
            if (pages > 1) {
                assertThat(text(page, "//oai:resumptionToken/@cursor")).isEqualTo(Long.toString(cursor));
            }
            cursor += records.getLength();
            if (token.isEmpty()) {
                break;
            }
            assertThat(records.getLength()).isEqualTo(3);
            query = "verb=ListRecords&resumptionToken=" + token;
        }
        // Every op-ed published or withdrawn (the seed, this class's five and its withdrawn one, and what another
        // class sharing this archive added), once, three a page.
        List<String> expected = jdbc
                .queryForList(
                        "select id from article a where status = 'PUBLISHED'"
                                + " or exists (select 1 from article_revision r where r.article_id = a.id)",
                        Long.class)
                .stream()
                .map(id -> "oai:localhost:" + id)
                .toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(7);
        assertThat(identifiers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 2) / 3);
        assertThat(deleted).containsExactly("oai:localhost:" + withdrawn);
        assertThat(identifiers).doesNotContain("oai:localhost:" + draft);
        // Records come in the order they changed.
        List<String> stamps = texts(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=themes"), "//oai:datestamp");
        assertThat(stamps).isSorted();
    }

    @Test
    void aHarvesterAsksForWhatChangedBetweenTwoDates() throws Exception {
        String day = LocalDate.ofInstant(second, ZoneOffset.UTC).toString();
        List<String> byDay = texts(
                oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + day + "&until=" + day), "//oai:identifier");
        assertThat(byDay).containsExactlyElementsOf(identifiers(N + 3, N + 4, N + 5));

        String instant = second.truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> bySecond = texts(
                oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + instant + "&until=" + instant),
                "//oai:identifier");
        assertThat(bySecond).containsExactlyElementsOf(byDay);

        // From the second group on: those three, then the withdrawn one.
        List<String> since = harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + instant);
        assertThat(since).startsWith(byDay.toArray(String[]::new)).contains("oai:localhost:" + withdrawn);
    }

    @Test
    void aRenamedThemeDatesTheRecordsItChangesSoIncrementalHarvestsSeeThem(
            @Autowired TestClock clock, @Autowired fr.tribunes.topic.Topics topics) throws Exception {
        clock.advance(Duration.ofDays(10));
        String since = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + since)
                        .getElementsByTagNameNS("*", "error")
                        .getLength())
                .isOne();

        long id =
                topics.findBySlug("theme-synthetique-a-renommer").orElseThrow().id();
        topics.update(id, "Thème synthétique renommé", "theme-synthetique-renomme", null);

        Document changed = oai("verb=ListRecords&metadataPrefix=oai_dc&from=" + since);
        assertThat(texts(changed, "//oai:header/oai:identifier")).containsExactlyElementsOf(identifiers(N + 2));
        assertThat(texts(changed, "//dc:subject")).containsExactly("Thème synthétique renommé");
        assertThat(texts(changed, "//oai:header/oai:setSpec"))
                .containsExactly("themes", "themes:theme-synthetique-renomme");
    }

    @Test
    void themesAreSetsAndASetIsHarvestedAlone() throws Exception {
        Document sets = oai("verb=ListSets");
        List<String> specs = texts(sets, "//oai:set/oai:setSpec");
        assertThat(specs).contains("themes", "themes:pme", "themes:cloud-souverain");
        // A theme known only from a draft, or only from a withdrawn op-ed, is not public.
        assertThat(texts(sets, "//oai:set/oai:setName"))
                .contains("cloud souverain")
                .doesNotContain("Thème synthétique jamais publié", "Thème synthétique retiré");

        // The seed is filed under « PME » too, and changed first.
        List<String> pme = harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&set=themes:pme");
        List<String> expected = new ArrayList<>(List.of("oai:localhost:" + seedId()));
        expected.addAll(identifiers(N + 1, N + 3, N + 5));
        assertThat(pme).containsExactlyElementsOf(expected);
    }

    @Test
    void harvestersMayAskByPost() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/oai")
                .contentType("application/x-www-form-urlencoded")
                .content("verb=ListMetadataFormats")
                .exchange();
        assertThat(result).hasStatusOk();
        Document formats = parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(text(formats, "//oai:metadataPrefix")).isEqualTo("oai_dc");
        assertThat(text(formats, "//oai:metadataNamespace")).isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");
    }

    @Test
    void everyErrorOfTheProtocolIsAnErrorElementInAnOkAnswer() throws Exception {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        errors.put("", "badVerb");
        errors.put("verb=Lister", "badVerb");
        errors.put("verb=Identify&verb=Identify", "badVerb");
        errors.put("verb=Identify&metadataPrefix=oai_dc", "badArgument");
        errors.put("verb=ListRecords", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&from=2015-13-45", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&from=2015", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&from=2015-10-01&until=2016-01-01T00:00:00Z", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&from=2016-01-01&until=2015-01-01", "badArgument");
        errors.put("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument");
        errors.put("verb=GetRecord&identifier=oai:localhost:1", "badArgument");
        errors.put("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        errors.put("verb=GetRecord&metadataPrefix=mods&identifier=oai:localhost:1", "cannotDisseminateFormat");
        errors.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ailleurs.example:1", "idDoesNotExist");
        errors.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:" + draft, "idDoesNotExist");
        errors.put("verb=ListMetadataFormats&identifier=oai:localhost:999999", "idDoesNotExist");
        errors.put("verb=ListRecords&metadataPrefix=oai_dc&set=themes:inconnu", "noRecordsMatch");
        errors.put("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch");
        errors.put("verb=ListRecords&resumptionToken=pas-un-jeton", "badResumptionToken");
        errors.put("verb=ListSets&resumptionToken=abc", "badResumptionToken");
        for (Map.Entry<String, String> error : errors.entrySet()) {
            Document answer = oai(error.getKey());
            assertThat(text(answer, "//oai:error/@code")).as(error.getKey()).isEqualTo(error.getValue());
            assertThat(text(answer, "//oai:error")).as(error.getKey()).isNotBlank();
            if (error.getValue().startsWith("bad") && !error.getValue().equals("badResumptionToken")) {
                // The protocol: after badVerb or badArgument, the request element carries no attributes.
                assertThat(nodes(answer, "//oai:request/@*").getLength())
                        .as(error.getKey())
                        .isZero();
            }
        }
    }

    @Test
    void aWithdrawnOpEdIsADeletedRecordWithoutMetadata() throws Exception {
        Document record = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:" + withdrawn);
        assertThat(text(record, "//oai:header/@status")).isEqualTo("deleted");
        assertThat(nodes(record, "//oai:metadata").getLength()).isZero();
    }

    @Test
    void theSchemaCheckRefusesAnAnswerThatBreaksTheProtocol() throws Exception {
        String identify =
                mvc.get().uri("/oai?verb=Identify").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        OaiSchema.validate(identify);
        assertThatThrownBy(() -> OaiSchema.validate(identify.replaceAll("<granularity>[^<]*</granularity>", "")))
                .isInstanceOf(AssertionError.class);
        long id = jdbc.queryForObject("select id from article where slug = ?", Long.class, SeedTribune.SLUG);
        String record = mvc.get()
                .uri("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:" + id)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        OaiSchema.validate(record);
        // Dublin Core has no « author »: the record's content is checked too, not only the envelope.
        assertThatThrownBy(() -> OaiSchema.validate(record.replace("dc:creator>", "dc:author>")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OaiSchema.validate(
                        record.replace("<datestamp>", "<datestamp>hier ").replace("</datestamp>", "</datestamp>")))
                .isInstanceOf(AssertionError.class);
    }

    private long seedId() {
        return jdbc.queryForObject("select id from article where slug = ?", Long.class, SeedTribune.SLUG);
    }

    /** The identifiers a list gives, every page of it, following the tokens. */
    private List<String> harvest(String query) throws Exception {
        List<String> identifiers = new ArrayList<>();
        String verb = query.substring(0, query.indexOf('&'));
        while (true) {
            Document page = oai(query);
            identifiers.addAll(texts(page, "//oai:header/oai:identifier"));
            String token = text(page, "//oai:resumptionToken");
            if (token.isEmpty()) {
                return identifiers;
            }
            query = verb + "&resumptionToken=" + token;
        }
    }

    private List<String> identifiers(int... numbers) {
        List<String> identifiers = new ArrayList<>();
        for (int number : numbers) {
            identifiers.add("oai:localhost:"
                    + jdbc.queryForObject(
                            "select id from article where slug = ?", Long.class, SyntheticArticles.slug(number)));
        }
        return identifiers;
    }

    /** An answer to a GET, checked: HTTP 200, XML, valid against the protocol's schema. */
    private Document oai(String query) throws Exception {
        MvcTestResult result = mvc.get().uri("/oai?" + query).exchange();
        assertThat(result).as(query).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/xml;charset=UTF-8");
        String xml = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        OaiSchema.validate(xml);
        return parse(xml);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        Map<String, String> namespaces = Map.of(
                "oai", "http://www.openarchives.org/OAI/2.0/",
                "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
                "dc", "http://purl.org/dc/elements/1.1/");
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return namespaces.get(prefix);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    private static String text(Object context, String path) throws Exception {
        return xpath().evaluate(path, context);
    }

    private static Node node(Object context, String path) throws Exception {
        return (Node) xpath().evaluate(path, context, XPathConstants.NODE);
    }

    private static NodeList nodes(Object context, String path) throws Exception {
        return (NodeList) xpath().evaluate(path, context, XPathConstants.NODESET);
    }

    private static List<String> texts(Object context, String path) throws Exception {
        NodeList nodes = nodes(context, path);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
