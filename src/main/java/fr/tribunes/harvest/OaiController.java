package fr.tribunes.harvest;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.article.ArticleRecords;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * OAI-PMH 2.0 at {@code /oai} (https://www.openarchives.org/OAI/openarchivesprotocol.html), the protocol library
 * aggregators harvest with. Every op-ed that is or was public is a record ({@link ArticleRecords}), identified by
 * {@code oai:<host>:<key>} (its key never changes, its address may); {@code oai_dc} is the one metadata format
 * ({@link DublinCore}); the themes are sets ({@code themes:<slug>}, under {@code themes}); a withdrawn op-ed is a
 * deleted record, for good ({@code deletedRecord} persistent); dates are to the second. Lists come
 * {@value #PAGE} records a page, with resumption tokens that hold the last record's position ({@link
 * ResumptionToken}). Every error of the protocol is an {@code <error>} element in an HTTP 200 answer, as the
 * protocol says; the answer is written as it is read, never built whole in memory.
 */
@Controller
class OaiController {

    /** Records a list answer holds, by default ({@code tribunes.oai.page-size}). */
    static final int PAGE = 100;

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final String OAI_SCHEMA = OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    private static final String THEMES = "themes";

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.!~*'()-]+");

    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9_.!~*'()-]+(:[A-Za-z0-9_.!~*'()-]+)*");

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private static final Pattern SECOND = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /** The arguments each verb takes: the required ones, then the optional ones. */
    private static final Map<String, List<Set<String>>> VERBS = Map.of(
            "Identify", List.of(Set.of(), Set.of()),
            "ListMetadataFormats", List.of(Set.of(), Set.of("identifier")),
            "ListSets", List.of(Set.of(), Set.of()),
            "GetRecord", List.of(Set.of("identifier", "metadataPrefix"), Set.of()),
            "ListIdentifiers", List.of(Set.of("metadataPrefix"), Set.of("from", "until", "set")),
            "ListRecords", List.of(Set.of("metadataPrefix"), Set.of("from", "until", "set")));

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ArticleRecords records;

    private final ArticleDocuments documents;

    private final Topics topics;

    private final TopicArticles topicArticles;

    private final SiteUrls urls;

    private final Clock clock;

    private final String adminEmail;

    private final String host;

    private final int pageSize;

    OaiController(
            ArticleRecords records,
            ArticleDocuments documents,
            Topics topics,
            TopicArticles topicArticles,
            SiteUrls urls,
            Clock clock,
            @Value("${tribunes.oai.admin-email:redaction@tribunes.invalid}") String adminEmail,
            @Value("${tribunes.oai.page-size:" + PAGE + "}") int pageSize) {
        this.records = records;
        this.documents = documents;
        this.topics = topics;
        this.topicArticles = topicArticles;
        this.urls = urls;
        this.clock = clock;
        this.adminEmail = adminEmail;
        this.host = URI.create(urls.siteUrl()).getHost();
        this.pageSize = pageSize;
    }

    /** An answer the protocol defines as an error: its code and a French explanation. */
    private static final class OaiError extends Exception {

        final String code;

        OaiError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    @RequestMapping(
            path = "/oai",
            method = {RequestMethod.GET, RequestMethod.POST})
    void oai(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        Map<String, String[]> parameters = request.getParameterMap();
        OutputStream out = response.getOutputStream();
        XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("OAI-PMH");
        xml.writeDefaultNamespace(OAI);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", OAI_SCHEMA);
        element(xml, "responseDate", STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)));
        Map<String, String> arguments;
        try {
            arguments = arguments(parameters);
        } catch (OaiError error) {
            // A bad verb or bad arguments: the request element then carries no attributes.
            element(xml, "request", baseUrl());
            error(xml, error);
            end(xml);
            return;
        }
        xml.writeStartElement("request");
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            xml.writeAttribute(argument.getKey(), DublinCore.xmlSafe(argument.getValue()));
        }
        xml.writeCharacters(baseUrl());
        xml.writeEndElement();
        try {
            answer(xml, arguments);
        } catch (OaiError error) {
            error(xml, error);
        }
        end(xml);
    }

    private void answer(XMLStreamWriter xml, Map<String, String> arguments) throws OaiError, XMLStreamException {
        switch (arguments.get("verb")) {
            case "Identify" -> identify(xml);
            case "ListMetadataFormats" -> listMetadataFormats(xml, arguments.get("identifier"));
            case "ListSets" -> listSets(xml, arguments.get("resumptionToken"));
            case "GetRecord" -> getRecord(xml, arguments.get("identifier"), arguments.get("metadataPrefix"));
            case "ListIdentifiers" -> list(xml, arguments, false);
            case "ListRecords" -> list(xml, arguments, true);
            default -> throw new IllegalStateException(arguments.get("verb"));
        }
    }

    /** The request's arguments, checked against what its verb takes. */
    private static Map<String, String> arguments(Map<String, String[]> parameters) throws OaiError {
        String[] verbs = parameters.get("verb");
        if (verbs == null) {
            throw new OaiError("badVerb", "Argument « verb » manquant.");
        }
        if (verbs.length > 1) {
            throw new OaiError("badVerb", "L’argument « verb » est répété.");
        }
        String verb = verbs[0];
        if (!VERBS.containsKey(verb)) {
            throw new OaiError("badVerb", "« " + verb + " » n’est pas un verbe d’OAI-PMH.");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verb", verb);
        Set<String> required = VERBS.get(verb).get(0);
        Set<String> optional = VERBS.get(verb).get(1);
        boolean lists = verb.startsWith("List") && !verb.equals("ListMetadataFormats");
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.equals("verb")) {
                continue;
            }
            if (!required.contains(name) && !optional.contains(name) && !(lists && name.equals("resumptionToken"))) {
                throw new OaiError("badArgument", "« " + verb + " » ne prend pas l’argument « " + name + " ».");
            }
            if (parameter.getValue().length > 1) {
                throw new OaiError("badArgument", "L’argument « " + name + " » est répété.");
            }
            arguments.put(name, parameter.getValue()[0]);
        }
        if (arguments.containsKey("resumptionToken")) {
            if (arguments.size() > 2) {
                throw new OaiError(
                        "badArgument", "« resumptionToken » s’emploie seul, sans autre argument que « verb ».");
            }
            return arguments;
        }
        for (String name : required) {
            if (!arguments.containsKey(name)) {
                throw new OaiError("badArgument", "« " + verb + " » demande l’argument « " + name + " ».");
            }
        }
        // Values the answer could not repeat in its request element, which the protocol's schema types.
        String prefix = arguments.get("metadataPrefix");
        if (prefix != null && !WORD.matcher(prefix).matches()) {
            throw new OaiError("badArgument", "« " + prefix + " » n’est pas un nom de format.");
        }
        String set = arguments.get("set");
        if (set != null && !SET_SPEC.matcher(set).matches()) {
            throw new OaiError("badArgument", "« " + set + " » n’est pas un nom d’ensemble.");
        }
        String identifier = arguments.get("identifier");
        if (identifier != null && (identifier.isEmpty() || identifier.chars().anyMatch(c -> c <= ' '))) {
            throw new OaiError("badArgument", "« " + identifier + " » n’est pas un identifiant.");
        }
        period(arguments);
        return arguments;
    }

    private void identify(XMLStreamWriter xml) throws XMLStreamException {
        Instant earliest = records.earliest();
        xml.writeStartElement("Identify");
        element(xml, "repositoryName", "Tribunes");
        element(xml, "baseURL", baseUrl());
        element(xml, "protocolVersion", "2.0");
        element(xml, "adminEmail", adminEmail);
        element(xml, "earliestDatestamp", stamp(earliest == null ? clock.instant() : earliest));
        element(xml, "deletedRecord", "persistent");
        element(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter xml, String identifier) throws OaiError, XMLStreamException {
        if (identifier != null) {
            record(identifier);
        }
        xml.writeStartElement("ListMetadataFormats");
        xml.writeStartElement("metadataFormat");
        element(xml, "metadataPrefix", DublinCore.PREFIX);
        element(xml, "schema", DublinCore.SCHEMA);
        element(xml, "metadataNamespace", DublinCore.NAMESPACE);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void listSets(XMLStreamWriter xml, String token) throws OaiError, XMLStreamException {
        if (token != null) {
            throw new OaiError("badResumptionToken", "Cette archive donne ses ensembles en une seule fois.");
        }
        Map<Long, Long> counts = topicArticles.countByTopic();
        xml.writeStartElement("ListSets");
        set(xml, THEMES, "Thèmes");
        for (TopicRef topic : topics.findAllByIds(counts.keySet()).stream()
                .sorted(Comparator.comparing(TopicRef::slug))
                .toList()) {
            set(xml, THEMES + ":" + topic.slug(), topic.name());
        }
        xml.writeEndElement();
    }

    private static void set(XMLStreamWriter xml, String spec, String name) throws XMLStreamException {
        xml.writeStartElement("set");
        element(xml, "setSpec", spec);
        element(xml, "setName", name);
        xml.writeEndElement();
    }

    private void getRecord(XMLStreamWriter xml, String identifier, String prefix) throws OaiError, XMLStreamException {
        ArticleRecords.Header header = record(identifier);
        format(prefix);
        ArticleDocument document = header.deleted()
                ? null
                : documents.findDocuments(List.of(header.id())).stream()
                        .findFirst()
                        .orElse(null);
        xml.writeStartElement("GetRecord");
        record(xml, header, document);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, Map<String, String> arguments, boolean withMetadata)
            throws OaiError, XMLStreamException {
        ResumptionToken asked;
        if (arguments.containsKey("resumptionToken")) {
            asked = ResumptionToken.decode(arguments.get("resumptionToken"));
            if (asked == null || !asked.metadataPrefix().equals(DublinCore.PREFIX)) {
                throw new OaiError(
                        "badResumptionToken", "Ce jeton de reprise n’a pas été donné par cette archive, ou est abîmé.");
            }
        } else {
            format(arguments.get("metadataPrefix"));
            Instant[] period = period(arguments);
            asked = new ResumptionToken(DublinCore.PREFIX, arguments.get("set"), period[0], period[1], null, 0);
        }
        ArticleRecords.Selection selection = selection(asked);
        List<ArticleRecords.Header> page =
                selection == null ? List.of() : records.page(selection, asked.after(), pageSize + 1);
        if (page.isEmpty()) {
            if (asked.after() != null) {
                // The records after the token's were withdrawn from the selection since: the list ends here.
                xml.writeStartElement(withMetadata ? "ListRecords" : "ListIdentifiers");
                emptyToken(xml, asked.cursor());
                xml.writeEndElement();
                return;
            }
            throw new OaiError("noRecordsMatch", "Aucun enregistrement ne répond à cette demande.");
        }
        boolean more = page.size() > pageSize;
        List<ArticleRecords.Header> shown = more ? page.subList(0, pageSize) : page;
        Map<Long, ArticleDocument> found = withMetadata ? documents(shown) : Map.of();
        xml.writeStartElement(withMetadata ? "ListRecords" : "ListIdentifiers");
        for (ArticleRecords.Header header : shown) {
            if (withMetadata) {
                record(xml, header, found.get(header.id()));
            } else {
                header(xml, header);
            }
        }
        if (more) {
            ArticleRecords.Header last = shown.get(shown.size() - 1);
            ResumptionToken next = new ResumptionToken(
                    asked.metadataPrefix(),
                    asked.set(),
                    asked.from(),
                    asked.before(),
                    new ArticleRecords.Position(last.changedAt(), last.id()),
                    asked.cursor() + shown.size());
            xml.writeStartElement("resumptionToken");
            xml.writeAttribute("cursor", Long.toString(asked.cursor()));
            xml.writeCharacters(next.encode());
            xml.writeEndElement();
        } else if (asked.after() != null) {
            emptyToken(xml, asked.cursor());
        }
        xml.writeEndElement();
    }

    /** The last page of a list asked with a token says so with an empty token. */
    private static void emptyToken(XMLStreamWriter xml, long cursor) throws XMLStreamException {
        xml.writeEmptyElement("resumptionToken");
        xml.writeAttribute("cursor", Long.toString(cursor));
    }

    /** What a list asks for, or null when its set is none this archive has. */
    private ArticleRecords.Selection selection(ResumptionToken asked) {
        String set = asked.set();
        if (set == null) {
            return new ArticleRecords.Selection(asked.from(), asked.before(), null, false);
        }
        if (set.equals(THEMES)) {
            return new ArticleRecords.Selection(asked.from(), asked.before(), null, true);
        }
        if (!set.startsWith(THEMES + ":")) {
            return null;
        }
        Optional<TopicRef> topic = topics.findBySlug(set.substring(THEMES.length() + 1));
        return topic.map(t -> new ArticleRecords.Selection(asked.from(), asked.before(), t.id(), false))
                .orElse(null);
    }

    private Map<Long, ArticleDocument> documents(List<ArticleRecords.Header> headers) {
        List<Long> live = headers.stream()
                .filter(h -> !h.deleted())
                .map(ArticleRecords.Header::id)
                .toList();
        return documents.findDocuments(live).stream()
                .collect(Collectors.toMap(ArticleDocument::id, Function.identity()));
    }

    private void record(XMLStreamWriter xml, ArticleRecords.Header header, ArticleDocument document)
            throws XMLStreamException {
        xml.writeStartElement("record");
        header(xml, header);
        if (!header.deleted() && document != null) {
            xml.writeStartElement("metadata");
            DublinCore.write(xml, document, urls.absolute("/tribunes/" + document.slug()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void header(XMLStreamWriter xml, ArticleRecords.Header header) throws XMLStreamException {
        xml.writeStartElement("header");
        if (header.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        element(xml, "identifier", identifier(header.id()));
        element(xml, "datestamp", stamp(header.changedAt()));
        if (!header.topics().isEmpty()) {
            element(xml, "setSpec", THEMES);
        }
        for (String topic : header.topics()) {
            element(xml, "setSpec", THEMES + ":" + topic);
        }
        xml.writeEndElement();
    }

    /** The record an identifier names, if it is or was public. */
    private ArticleRecords.Header record(String identifier) throws OaiError {
        String prefix = "oai:" + host + ":";
        Matcher key = Pattern.compile("[1-9][0-9]{0,17}").matcher(identifier);
        Optional<ArticleRecords.Header> found = Optional.empty();
        if (identifier.startsWith(prefix)
                && key.region(prefix.length(), identifier.length()).matches()) {
            found = records.find(Long.parseLong(identifier.substring(prefix.length())));
        }
        return found.orElseThrow(() -> new OaiError(
                "idDoesNotExist", "Aucun enregistrement de cette archive n’a l’identifiant « " + identifier + " »."));
    }

    String identifier(long id) {
        return "oai:" + host + ":" + id;
    }

    private static void format(String prefix) throws OaiError {
        if (!DublinCore.PREFIX.equals(prefix)) {
            throw new OaiError(
                    "cannotDisseminateFormat",
                    "Cette archive ne diffuse que le format « " + DublinCore.PREFIX + " », pas « " + prefix + " ».");
        }
    }

    /** The period {@code from} and {@code until} ask for: its first instant and the first after it, each or null. */
    private static Instant[] period(Map<String, String> arguments) throws OaiError {
        Instant from = null;
        Instant before = null;
        String fromText = arguments.get("from");
        String untilText = arguments.get("until");
        if (fromText != null) {
            from = instant(fromText, "from", false);
        }
        if (untilText != null) {
            before = instant(untilText, "until", true);
        }
        if (fromText != null && untilText != null && fromText.length() != untilText.length()) {
            throw new OaiError(
                    "badArgument", "« from » et « until » doivent avoir la même précision (jour ou seconde).");
        }
        if (from != null && before != null && !from.isBefore(before)) {
            throw new OaiError("badArgument", "« from » est postérieur à « until ».");
        }
        return new Instant[] {from, before};
    }

    /**
     * A date of {@code from} or {@code until}, to the day or to the second: {@code until} includes the whole day
     * or second it names, so the instant returned for it is the first after.
     */
    private static Instant instant(String text, String name, boolean until) throws OaiError {
        try {
            if (DAY.matcher(text).matches()) {
                Instant day = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                return until ? day.plus(1, ChronoUnit.DAYS) : day;
            }
            if (SECOND.matcher(text).matches()) {
                Instant second = Instant.parse(text);
                return until ? second.plusSeconds(1) : second;
            }
        } catch (DateTimeParseException e) {
            // Refused below.
        }
        throw new OaiError(
                "badArgument",
                "« " + name + " » doit être une date AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ssZ, pas « " + text + " ».");
    }

    private String baseUrl() {
        return urls.absolute("/oai");
    }

    private static String stamp(Instant instant) {
        return STAMP.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static void error(XMLStreamWriter xml, OaiError error) throws XMLStreamException {
        xml.writeStartElement("error");
        xml.writeAttribute("code", error.code);
        xml.writeCharacters(DublinCore.xmlSafe(error.getMessage()));
        xml.writeEndElement();
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(DublinCore.xmlSafe(text));
        xml.writeEndElement();
    }
}
