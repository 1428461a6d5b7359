package fr.tribunes.article;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The archive's exchange format: one op-ed per Markdown file, a YAML front matter between two {@code ---} lines
 * (title, slug, authors with their role and organisation, date and precision, original publisher and address,
 * rights, themes, organisations), then the text in the plain-text format ({@link ArticleText}). Imports, exports and the
 * revisions all use it. The front matter is read as a tree of nodes, never as objects, so a file cannot make the
 * reader build anything; every error names its line.
 */
public final class ArticleFile {

    private static final String FENCE = "---";

    private static final Set<String> KEYS = Set.of(
            "title",
            "slug",
            "standfirst",
            "date",
            "date_approximate",
            "date_note",
            "publisher",
            "url",
            "rights_holder",
            "rights_basis",
            "license",
            "authors",
            "themes",
            "organisations",
            "status",
            "added_at",
            "updated_at");

    private static final Set<String> AUTHOR_KEYS = Set.of("name", "slug", "role", "organisation", "credit");

    private static final Set<String> ORGANISATION_KEYS = Set.of("name", "written_as");

    /** The longest file accepted: far more than any op-ed. */
    static final int MAX_CHARS = 2_000_000;

    private ArticleFile() {}

    /**
     * An op-ed read from a file.
     *
     * @param name the file's name, for messages
     * @param draft what it says
     * @param status published or draft ({@code status:}), published when not said
     * @param addedAt when it entered the archive ({@code added_at:}), or null for now
     * @param updatedAt when the archive's copy last changed ({@code updated_at:}), or null for now
     * @param lines the line each field starts on, for error messages
     */
    public record Parsed(
            String name,
            ArticleDraft draft,
            ArticleStatus status,
            Instant addedAt,
            Instant updatedAt,
            Map<String, Integer> lines) {

        /** The line a field of the draft is on (the front matter's first line if it is not there). */
        public int lineOf(String field) {
            return lines.getOrDefault(field, 1);
        }
    }

    /** Writes an op-ed; {@code status} and {@code addedAt} only when not null (exports carry them, revisions not). */
    public static String write(ArticleDraft draft, ArticleStatus status, Instant addedAt) {
        return write(draft, status, addedAt, null);
    }

    /**
     * Writes an op-ed with the dates an export carries, each only when not null: an archive rebuilt from its
     * export then dates its op-eds (and so its feeds) as the archive it came from.
     */
    public static String write(ArticleDraft draft, ArticleStatus status, Instant addedAt, Instant updatedAt) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", draft.title());
        front.put("slug", draft.slug());
        putIfPresent(front, "standfirst", draft.standfirst());
        front.put("date", draft.date());
        if (draft.dateApproximate()) {
            front.put("date_approximate", true);
        }
        putIfPresent(front, "date_note", draft.dateNote());
        putIfPresent(front, "publisher", draft.originalPublisher());
        putIfPresent(front, "url", draft.originalUrl());
        putIfPresent(front, "rights_holder", draft.rights().holder());
        if (draft.rights().basis() != null) {
            front.put("rights_basis", draft.rights().basis().key());
        }
        putIfPresent(front, "license", draft.rights().license());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (ArticleDraft.Byline byline : draft.bylines()) {
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("name", byline.author());
            putIfPresent(author, "slug", byline.authorSlug());
            putIfPresent(author, "role", byline.role());
            putIfPresent(author, "organisation", byline.organisation());
            putIfPresent(author, "credit", byline.credit());
            authors.add(author);
        }
        front.put("authors", authors);
        if (!draft.themes().isEmpty()) {
            front.put("themes", draft.themes());
        }
        if (!draft.organisations().isEmpty()) {
            List<Map<String, Object>> organisations = new ArrayList<>();
            for (ArticleDraft.Mentioned mentioned : draft.organisations()) {
                Map<String, Object> organisation = new LinkedHashMap<>();
                organisation.put("name", mentioned.name());
                putIfPresent(organisation, "written_as", mentioned.writtenAs());
                organisations.add(organisation);
            }
            front.put("organisations", organisations);
        }
        if (status != null) {
            front.put("status", status == ArticleStatus.PUBLISHED ? "published" : "draft");
        }
        if (addedAt != null) {
            front.put("added_at", addedAt.toString());
        }
        if (updatedAt != null) {
            front.put("updated_at", updatedAt.toString());
        }
        return FENCE + "\n" + dumper().dump(front) + FENCE + "\n\n" + draft.text() + "\n";
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static Yaml yaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(0);
        loader.setCodePointLimit(MAX_CHARS);
        return new Yaml(loader);
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }

    /** Reads a file; refuses it whole, with its line, if anything in it is not understood. */
    public static Parsed read(String name, String content) throws ArticleFileException {
        if (content.length() > MAX_CHARS) {
            throw new ArticleFileException(name, 1, "le fichier dépasse " + MAX_CHARS + " caractères.");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
            throw new ArticleFileException(
                    name, 1, "le fichier doit commencer par une ligne « --- » suivie de l’en-tête YAML.");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(FENCE)) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new ArticleFileException(name, 1, "l’en-tête YAML n’est pas fermé par une ligne « --- ».");
        }
        String front = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length));
        Node root;
        try {
            root = yaml().compose(new StringReader(front));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            throw new ArticleFileException(name, line, "en-tête YAML illisible (" + e.getProblem() + ").");
        } catch (YAMLException e) {
            throw new ArticleFileException(name, 2, "en-tête YAML illisible.");
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ArticleFileException(name, 2, "l’en-tête doit être une suite de « clé: valeur ».");
        }
        Reader reader = new Reader(name);
        Map<String, Node> fields = reader.fields(mapping, KEYS);
        Map<String, Integer> at = new HashMap<>();
        fields.forEach((key, node) -> at.put(field(key), line(node)));
        at.put("text", end + 2);

        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        for (Node node : reader.sequence(fields.get("authors"), "authors")) {
            if (node instanceof ScalarNode scalar) {
                bylines.add(new ArticleDraft.Byline(scalar.getValue(), null, null, null, null));
                continue;
            }
            Map<String, Node> author = reader.fields(reader.mapping(node, "authors"), AUTHOR_KEYS);
            bylines.add(new ArticleDraft.Byline(
                    reader.string(author.get("name")),
                    reader.string(author.get("slug")),
                    reader.string(author.get("role")),
                    reader.string(author.get("organisation")),
                    reader.string(author.get("credit"))));
        }
        List<String> themes = new ArrayList<>();
        for (Node node : reader.sequence(fields.get("themes"), "themes")) {
            themes.add(reader.string(node));
        }
        List<ArticleDraft.Mentioned> organisations = new ArrayList<>();
        for (Node node : reader.sequence(fields.get("organisations"), "organisations")) {
            if (node instanceof ScalarNode scalar) {
                organisations.add(new ArticleDraft.Mentioned(scalar.getValue(), null));
                continue;
            }
            Map<String, Node> organisation = reader.fields(reader.mapping(node, "organisations"), ORGANISATION_KEYS);
            organisations.add(new ArticleDraft.Mentioned(
                    reader.string(organisation.get("name")), reader.string(organisation.get("written_as"))));
        }
        ArticleStatus status = ArticleStatus.PUBLISHED;
        String statusValue = reader.string(fields.get("status"));
        if (statusValue != null) {
            status = switch (statusValue) {
                case "published" -> ArticleStatus.PUBLISHED;
                case "draft" -> ArticleStatus.DRAFT;
                default ->
                    throw new ArticleFileException(
                            name, line(fields.get("status")), "« status » vaut « published » ou « draft ».");
            };
        }
        Instant addedAt = instant(reader, fields, "added_at");
        Instant updatedAt = instant(reader, fields, "updated_at");
        if (addedAt != null && updatedAt != null && updatedAt.isBefore(addedAt)) {
            throw new ArticleFileException(
                    name, line(fields.get("updated_at")), "« updated_at » ne peut pas précéder « added_at ».");
        }
        String approximate = reader.string(fields.get("date_approximate"));
        if (approximate != null && !approximate.equals("true") && !approximate.equals("false")) {
            throw new ArticleFileException(
                    name, line(fields.get("date_approximate")), "« date_approximate » vaut true ou false.");
        }
        String basisValue = reader.string(fields.get("rights_basis"));
        Rights.Basis basis = Rights.Basis.of(basisValue);
        if (basisValue != null && basis == null) {
            throw new ArticleFileException(
                    name,
                    line(fields.get("rights_basis")),
                    "« rights_basis » vaut « archive », « permission » ou « license ».");
        }
        ArticleDraft draft = new ArticleDraft(
                reader.string(fields.get("title")),
                reader.string(fields.get("slug")),
                reader.string(fields.get("standfirst")),
                body.strip().isEmpty() ? "" : stripBlankLines(body),
                reader.string(fields.get("date")),
                "true".equals(approximate),
                reader.string(fields.get("date_note")),
                reader.string(fields.get("publisher")),
                reader.string(fields.get("url")),
                bylines,
                themes,
                organisations,
                new Rights(reader.string(fields.get("rights_holder")), basis, reader.string(fields.get("license"))));
        return new Parsed(name, draft, status, addedAt, updatedAt, at);
    }

    private static Instant instant(Reader reader, Map<String, Node> fields, String key) throws ArticleFileException {
        String value = reader.string(fields.get(key));
        if (value == null) {
            return null;
        }
        try {
            // Databases keep microseconds: a finer instant would never compare equal to what was stored.
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new ArticleFileException(
                    reader.name(),
                    line(fields.get(key)),
                    "« " + key + " » doit être un instant ISO 8601, par exemple 2026-11-28T10:00:00Z.");
        }
    }

    /** The draft's field a front matter key fills, for error messages. */
    private static String field(String key) {
        return switch (key) {
            case "date_approximate" -> "dateApproximate";
            case "date_note" -> "dateNote";
            case "publisher" -> "originalPublisher";
            case "url" -> "originalUrl";
            case "authors" -> "bylines";
            case "rights_holder", "rights_basis", "license" -> "rights";
            default -> key;
        };
    }

    private static String stripBlankLines(String body) {
        String[] lines = body.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        int last = lines.length - 1;
        while (last > first && lines[last].isBlank()) {
            last--;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1));
    }

    /** Lines in the file: the front matter starts on the file's second line. */
    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 2;
    }

    /** Reads nodes, refusing anything of the wrong shape with its line. */
    private record Reader(String name) {

        Map<String, Node> fields(MappingNode mapping, Set<String> allowed) throws ArticleFileException {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new ArticleFileException(name, line(tuple.getKeyNode()), "clé illisible.");
                }
                if (!allowed.contains(key.getValue())) {
                    throw new ArticleFileException(
                            name,
                            line(key),
                            "clé inconnue « " + key.getValue() + " » (attendues : "
                                    + String.join(
                                            ", ", allowed.stream().sorted().toList()) + ").");
                }
                // Composing nodes does not check duplicate keys (only building objects would): the second value
                // would silently win.
                if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                    throw new ArticleFileException(
                            name, line(key), "la clé « " + key.getValue() + " » figure deux fois.");
                }
            }
            return fields;
        }

        List<Node> sequence(Node node, String key) throws ArticleFileException {
            if (node == null
                    || (node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw new ArticleFileException(name, line(node), "« " + key + " » doit être une liste (« - … »).");
            }
            return sequence.getValue();
        }

        MappingNode mapping(Node node, String key) throws ArticleFileException {
            if (!(node instanceof MappingNode mapping)) {
                throw new ArticleFileException(
                        name, line(node), "chaque élément de « " + key + " » doit être une suite de « clé: valeur ».");
            }
            return mapping;
        }

        String string(Node node) throws ArticleFileException {
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                throw new ArticleFileException(name, line(node), "une valeur simple est attendue ici.");
            }
            String value = scalar.getValue();
            return value.isEmpty() ? null : value;
        }
    }
}
