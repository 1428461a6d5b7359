package fr.tribunes.harvest;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.article.ArticleRecords;
import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole published archive as a dataset ({@code /donnees}): one record per op-ed in JSON Lines and in CSV, and
 * a Frictionless Data package ({@code datapackage.json}) that describes every field ({@link DatasetFields}) and the
 * rights. The files are written as they are read, {@value #BATCH} op-eds at a time, each batch read in its own
 * transaction and dropped once written, so memory stays flat whatever the archive's size. They carry the archive's
 * change stamp as ETag and Last-Modified: a client that has the current copy gets 304.
 */
@Controller
class DatasetController {

    /** Op-eds read and written at a time, by default ({@code tribunes.dataset.batch}). */
    static final int BATCH = 100;

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl;charset=UTF-8");

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final ArticleRecords records;

    private final ArticleDocuments documents;

    private final ArchiveVersion version;

    private final SiteUrls urls;

    private final JsonMapper json;

    private final int batch;

    DatasetController(
            ArticleRecords records,
            ArticleDocuments documents,
            ArchiveVersion version,
            SiteUrls urls,
            JsonMapper json,
            @Value("${tribunes.dataset.batch:" + BATCH + "}") int batch) {
        this.records = records;
        this.documents = documents;
        this.version = version;
        this.urls = urls;
        this.json = json;
        this.batch = batch;
    }

    @GetMapping("/donnees")
    String page(Model model) {
        LocalDate changed = version.lastChange().atZone(PARIS).toLocalDate();
        model.addAttribute(
                "changedOn",
                (changed.getDayOfMonth() == 1 ? "1er" : Integer.toString(changed.getDayOfMonth())) + " "
                        + changed.format(MONTH_YEAR));
        model.addAttribute("jsonFields", DatasetFields.json());
        model.addAttribute("csvFields", DatasetFields.csv());
        model.addAttribute("oai", urls.absolute("/oai"));
        return "harvest/dataset";
    }

    @GetMapping("/donnees/datapackage.json")
    ResponseEntity<String> datapackage(HttpServletRequest request, HttpServletResponse response) {
        ArchiveVersion.Stamp stamp = version.current();
        if (notModified(request, response, stamp)) {
            return null;
        }
        Map<String, Object> dataPackage = new LinkedHashMap<>();
        dataPackage.put("profile", "data-package");
        dataPackage.put("name", "tribunes");
        dataPackage.put("title", "Tribunes — archive de tribunes sur les politiques du numérique");
        dataPackage.put(
                "description",
                "Toutes les tribunes publiées de l’archive, une par enregistrement\u202F: métadonnées, texte"
                        + " reproduit à l’identique, provenance, thèmes, organisations nommées et droits. Les textes"
                        + " restent la propriété de leurs ayants droit\u202F: chaque enregistrement dit qui les"
                        + " détient et à quel titre l’archive les reproduit (champs rights_*), tels que la rédaction"
                        + " les a indiqués. Ces fichiers ne placent aucun texte sous une licence libre.");
        dataPackage.put("homepage", urls.absolute("/donnees"));
        dataPackage.put("version", Long.toString(stamp.number()));
        dataPackage.put("created", stamp.changedAt().toString());
        dataPackage.put("keywords", List.of("tribunes", "politique du numérique", "presse", "archive"));
        dataPackage.put("sources", List.of(Map.of("title", "Tribunes", "path", urls.absolute("/"))));
        dataPackage.put("resources", List.of(csvResource(), jsonResource()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(dataPackage));
    }

    private static Map<String, Object> csvResource() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", "tribunes-csv");
        resource.put("path", "tribunes.csv");
        resource.put("title", "Les tribunes, une par ligne (CSV)");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put(
                "dialect", Map.of("delimiter", ",", "doubleQuote", true, "lineTerminator", "\r\n", "header", true));
        resource.put("schema", schema(DatasetFields.csv()));
        return resource;
    }

    private static Map<String, Object> jsonResource() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("profile", "data-resource");
        resource.put("name", "tribunes-jsonl");
        resource.put("path", "tribunes.jsonl");
        resource.put("title", "Les tribunes, un objet JSON par ligne (JSON Lines)");
        resource.put("format", "jsonl");
        resource.put("mediatype", "application/jsonl");
        resource.put("encoding", "utf-8");
        resource.put("schema", schema(DatasetFields.json()));
        return resource;
    }

    private static Map<String, Object> schema(List<DatasetFields.Field> fields) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields.stream().map(DatasetFields.Field::describe).toList());
        schema.put("primaryKey", List.of("id"));
        schema.put("missingValues", List.of(""));
        return schema;
    }

    @GetMapping("/donnees/tribunes.jsonl")
    void jsonLines(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ArchiveVersion.Stamp stamp = version.current();
        if (notModified(request, response, stamp)) {
            return;
        }
        response.setContentType(JSON_LINES.toString());
        List<DatasetFields.Field> fields = DatasetFields.json();
        try (Writer out = writer(response)) {
            for (List<DatasetFields.Record> batch : batches()) {
                for (DatasetFields.Record record : batch) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    fields.forEach(field -> line.put(field.name(), field.value().apply(record)));
                    out.write(json.writeValueAsString(line));
                    out.write('\n');
                }
            }
        }
    }

    @GetMapping("/donnees/tribunes.csv")
    void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ArchiveVersion.Stamp stamp = version.current();
        if (notModified(request, response, stamp)) {
            return;
        }
        response.setContentType(CSV.toString());
        List<DatasetFields.Field> fields = DatasetFields.csv();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(fields.stream().map(DatasetFields.Field::name).toArray(String[]::new))
                .get();
        try (CSVPrinter out = new CSVPrinter(writer(response), format)) {
            List<Object> row = new ArrayList<>(fields.size());
            for (List<DatasetFields.Record> batch : batches()) {
                for (DatasetFields.Record record : batch) {
                    row.clear();
                    for (DatasetFields.Field field : fields) {
                        Object value = field.value().apply(record);
                        row.add(value instanceof List<?> list ? json.writeValueAsString(list) : value);
                    }
                    out.printRecord(row);
                }
            }
        }
    }

    /** The published op-eds, a batch at a time, by key: each batch is read when the loop reaches it. */
    private Iterable<List<DatasetFields.Record>> batches() {
        return () -> new java.util.Iterator<>() {

            private long after;

            private List<DatasetFields.Record> next = read();

            private List<DatasetFields.Record> read() {
                List<Long> ids = records.publishedAfter(after, batch);
                if (ids.isEmpty()) {
                    return null;
                }
                after = ids.get(ids.size() - 1);
                List<DatasetFields.Record> batch = new ArrayList<>(ids.size());
                for (ArticleDocument article : documents.findDocuments(ids)) {
                    batch.add(new DatasetFields.Record(article, urls.absolute("/tribunes/" + article.slug())));
                }
                return batch;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<DatasetFields.Record> next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                List<DatasetFields.Record> batch = next;
                next = read();
                return batch;
            }
        };
    }

    private static Writer writer(HttpServletResponse response) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 65536);
    }

    /**
     * Sets the validators and answers 304 when the client's copy is current. The files are too large to be
     * buffered to compute an ETag from their bytes, so the page filter's is turned off for them: theirs is the
     * archive's change stamp.
     */
    private static boolean notModified(
            HttpServletRequest request, HttpServletResponse response, ArchiveVersion.Stamp stamp) {
        ShallowEtagHeaderFilter.disableContentCaching(request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        String etag = "\"archive-" + stamp.number() + "\"";
        return new ServletWebRequest(request, response)
                .checkNotModified(etag, stamp.changedAt().toEpochMilli());
    }
}
