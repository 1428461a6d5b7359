package fr.tribunes.exchange;

import fr.tribunes.article.ArticleFileException;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.typography.Slugs;
import fr.tribunes.typography.TypedText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
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
 * {@code facettes.yaml}: every author, theme and organisation with its slug, name and description, which the
 * op-ed files only name. Imported before the op-eds, it gives the facets the slugs and descriptions they had. Read
 * as a tree of nodes, like the op-ed files, so it cannot make the reader build anything.
 */
final class FacetsFile {

    static final String NAME = "facettes.yaml";

    private static final Set<String> ENTRY_KEYS = Set.of("slug", "name", "description");

    /** An author's name parts, as editors entered them (authors only). */
    private static final Set<String> AUTHOR_KEYS = Set.of("slug", "name", "description", "family_name", "given_names");

    private static final String HEADER =
            "# Auteurs, thèmes et organisations de l’archive Tribunes : adresse (slug), nom"
                    + " et description.\n# Lu avant les tribunes à l’import.\n";

    private FacetsFile() {}

    /** The three kinds of facets, by their key in the file (the same as in the op-ed files). */
    enum Kind {
        AUTHORS("authors"),
        THEMES("themes"),
        ORGANISATIONS("organisations");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /**
     * One facet.
     *
     * @param description its description, or null if the file does not say (then an existing one is kept); an
     *     empty {@code description:} removes it
     * @param describes whether the file has a {@code description:} for it
     * @param familyName an author's family name, or null
     * @param givenNames an author's given names, or null
     * @param names whether the file has {@code family_name:} or {@code given_names:} for it (if not, an author's
     *     existing name parts are kept)
     * @param line where it starts in the file
     */
    record Entry(
            String slug,
            String name,
            String description,
            boolean describes,
            String familyName,
            String givenNames,
            boolean names,
            int line) {

        Entry(String slug, String name, String description, boolean describes, int line) {
            this(slug, name, description, describes, null, null, false, line);
        }
    }

    static String write(Map<Kind, List<Entry>> facets) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Entry entry : facets.getOrDefault(kind, List.of())) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("slug", entry.slug());
                map.put("name", entry.name());
                if (entry.description() != null) {
                    map.put("description", entry.description());
                }
                if (entry.familyName() != null) {
                    map.put("family_name", entry.familyName());
                }
                if (entry.givenNames() != null) {
                    map.put("given_names", entry.givenNames());
                }
                entries.add(map);
            }
            root.put(kind.key, entries);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return HEADER + new Yaml(options).dump(root);
    }

    /** Reads the file; refuses it whole, with its line, if anything in it is not understood. */
    static Map<Kind, List<Entry>> read(String name, String content) throws ArticleFileException {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(0);
        loader.setCodePointLimit(Math.max(content.length() + 1, 3));
        Node root;
        try {
            root = new Yaml(loader).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ArticleFileException(name, line, "YAML illisible (" + e.getProblem() + ").");
        } catch (YAMLException e) {
            throw new ArticleFileException(name, 1, "YAML illisible.");
        }
        Map<Kind, List<Entry>> facets = new EnumMap<>(Kind.class);
        if (root == null) {
            return facets;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ArticleFileException(
                    name, line(root), "le fichier doit lister « authors », « themes » et « organisations ».");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Kind kind = kind(name, tuple.getKeyNode());
            // Composing nodes does not check duplicate keys (building objects would): a second list would silently
            // replace the first.
            if (facets.containsKey(kind)) {
                throw new ArticleFileException(
                        name, line(tuple.getKeyNode()), "« " + kind.key + " » figure deux fois.");
            }
            facets.put(kind, entries(name, kind, tuple.getValueNode()));
        }
        return facets;
    }

    private static Kind kind(String name, Node key) throws ArticleFileException {
        if (key instanceof ScalarNode scalar) {
            for (Kind kind : Kind.values()) {
                if (kind.key.equals(scalar.getValue())) {
                    return kind;
                }
            }
        }
        String given = key instanceof ScalarNode scalar ? scalar.getValue() : "?";
        throw new ArticleFileException(
                name, line(key), "clé inconnue « " + given + " » (attendues : authors, themes, organisations).");
    }

    private static List<Entry> entries(String name, Kind kind, Node node) throws ArticleFileException {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new ArticleFileException(name, line(node), "« " + kind.key + " » doit être une liste (« - … »).");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw new ArticleFileException(
                        name,
                        line(item),
                        "chaque élément de « " + kind.key + " » doit être une suite de « clé: valeur ».");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Set<String> keys = kind == Kind.AUTHORS ? AUTHOR_KEYS : ENTRY_KEYS;
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || !keys.contains(key.getValue())) {
                    String given = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "?";
                    throw new ArticleFileException(
                            name,
                            line(tuple.getKeyNode()),
                            "clé inconnue « " + given + " » (attendues : "
                                    + (kind == Kind.AUTHORS
                                            ? "description, family_name, given_names, name, slug"
                                            : "description, name, slug")
                                    + ").");
                }
                if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                    throw new ArticleFileException(
                            name, line(key), "« " + key.getValue() + " » figure deux fois pour le même élément.");
                }
            }
            String slug = string(name, fields.get("slug"));
            if (slug == null) {
                throw new ArticleFileException(name, line(item), "indiquez l’adresse (« slug ») de chaque élément.");
            }
            int slugLine = line(fields.get("slug"));
            if (!Slugs.isValid(slug) || slug.length() > FacetDirectory.MAX_SLUG) {
                throw new ArticleFileException(
                        name,
                        slugLine,
                        "l’adresse « " + slug + " » ne peut contenir que des lettres minuscules sans accent, des"
                                + " chiffres et des traits d’union (au plus " + FacetDirectory.MAX_SLUG
                                + " caractères).");
            }
            if (!slugs.add(slug)) {
                throw new ArticleFileException(
                        name, slugLine, "l’adresse « " + slug + " » figure deux fois dans « " + kind.key + " ».");
            }
            String facetName = string(name, fields.get("name"));
            if (facetName == null || facetName.isBlank()) {
                throw new ArticleFileException(name, line(item), "indiquez le nom (« name ») de « " + slug + " ».");
            }
            if (facetName.strip().length() > FacetDirectory.MAX_NAME) {
                throw new ArticleFileException(
                        name,
                        line(fields.get("name")),
                        "le nom de « " + slug + " » dépasse " + FacetDirectory.MAX_NAME + " caractères.");
            }
            if (TypedText.breaksLines(facetName.strip())) {
                throw new ArticleFileException(
                        name,
                        line(fields.get("name")),
                        "le nom de « " + slug + " » tient sur une ligne\u202f: retirez-en les retours à la ligne.");
            }
            String description = string(name, fields.get("description"));
            if (description != null && description.length() > FacetDirectory.MAX_DESCRIPTION) {
                throw new ArticleFileException(
                        name,
                        line(fields.get("description")),
                        "la description de « " + slug + " » dépasse " + FacetDirectory.MAX_DESCRIPTION
                                + " caractères.");
            }
            String familyName = namePart(name, slug, fields.get("family_name"));
            String givenNames = namePart(name, slug, fields.get("given_names"));
            if (familyName == null && givenNames != null) {
                throw new ArticleFileException(
                        name,
                        line(fields.get("given_names")),
                        "« " + slug + " » a des prénoms (« given_names ») sans nom de famille (« family_name »).");
            }
            entries.add(new Entry(
                    slug,
                    facetName.strip(),
                    description,
                    fields.containsKey("description"),
                    familyName,
                    givenNames,
                    fields.containsKey("family_name") || fields.containsKey("given_names"),
                    line(item)));
        }
        return entries;
    }

    private static String namePart(String name, String slug, Node node) throws ArticleFileException {
        String part = string(name, node);
        if (part == null || part.isBlank()) {
            return null;
        }
        if (part.strip().length() > Authors.MAX_NAME_PART || TypedText.breaksLines(part.strip())) {
            throw new ArticleFileException(
                    name,
                    line(node),
                    "les noms de « " + slug + " » tiennent sur une ligne, en " + Authors.MAX_NAME_PART
                            + " caractères au plus.");
        }
        return part.strip();
    }

    private static String string(String name, Node node) throws ArticleFileException {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new ArticleFileException(name, line(node), "une valeur simple est attendue ici.");
        }
        return scalar.getValue().isEmpty() ? null : scalar.getValue();
    }

    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
