package fr.tribunes.harvest;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.facet.ArticleCard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dataset's fields, once: what each record of {@code tribunes.jsonl} and each row of {@code tribunes.csv} holds,
 * and what {@code datapackage.json} says of them (Frictionless Table Schema types and French descriptions), so the
 * description cannot drift from the files. The JSON Lines give authors, themes and organisations as objects and the
 * text as blocks; the CSV gives them as JSON arrays of names and the text in the archive's plain-text format.
 */
final class DatasetFields {

    private DatasetFields() {}

    /**
     * A field of both files (unless {@code only} says one).
     *
     * @param name its name
     * @param type its Table Schema type
     * @param format its Table Schema format, or null
     * @param description what it holds, in French
     * @param constraints its Table Schema constraints, or an empty map
     * @param value its value for an op-ed (null when it has none)
     */
    record Field(
            String name,
            String type,
            String format,
            String description,
            Map<String, Object> constraints,
            Function<Record, Object> value) {

        Map<String, Object> describe() {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", name);
            field.put("type", type);
            if (format != null) {
                field.put("format", format);
            }
            field.put("description", description);
            if (!constraints.isEmpty()) {
                field.put("constraints", constraints);
            }
            return field;
        }
    }

    /** An op-ed and its address in the archive. */
    record Record(ArticleDocument article, String url) {}

    static final List<Field> COMMON = List.of(
            field(
                    "id",
                    "integer",
                    null,
                    "Clé de la tribune dans l’archive\u202F: elle ne change jamais.",
                    Map.of("required", true, "unique", true),
                    r -> r.article().id()),
            field(
                    "slug",
                    "string",
                    null,
                    "Fin de son adresse dans l’archive, après /tribunes/.",
                    Map.of("required", true),
                    r -> r.article().slug()),
            field("url", "string", "uri", "Son adresse dans l’archive.", Map.of("required", true), Record::url),
            field(
                    "title",
                    "string",
                    null,
                    "Titre, tel que publié.",
                    Map.of("required", true),
                    r -> r.article().title()),
            field(
                    "standfirst",
                    "string",
                    null,
                    "Chapeau, tel que publié (vide s’il n’y en a pas).",
                    Map.of(),
                    r -> r.article().standfirst()),
            field(
                    "date",
                    "string",
                    null,
                    "Date de première publication, à la précision connue\u202F: AAAA, AAAA-MM ou AAAA-MM-JJ.",
                    Map.of("required", true, "pattern", "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"),
                    r -> r.article().isoDate()),
            field(
                    "date_label",
                    "string",
                    null,
                    "La même date en français («\u00A0octobre 2015\u00A0»).",
                    Map.of("required", true),
                    r -> r.article().date()),
            field(
                    "date_approximate",
                    "boolean",
                    null,
                    "Vrai si la date est une estimation.",
                    Map.of("required", true),
                    r -> r.article().dateApproximate()),
            field(
                    "original_publisher",
                    "string",
                    null,
                    "Média qui l’a publiée en premier.",
                    Map.of(),
                    r -> r.article().originalPublisher()),
            field(
                    "original_url",
                    "string",
                    "uri",
                    "Adresse de la publication d’origine.",
                    Map.of(),
                    r -> r.article().originalUrl()),
            field(
                    "publication_kind",
                    "string",
                    null,
                    "Genre du média d’origine, tel que la rédaction l’a indiqué\u202F: magazine ou newspaper (journal).",
                    Map.of("enum", List.of("magazine", "newspaper")),
                    r -> r.article().publicationKind() == null
                            ? null
                            : r.article().publicationKind().name().toLowerCase(java.util.Locale.ROOT)),
            field(
                    "added_at",
                    "datetime",
                    null,
                    "Entrée dans l’archive (UTC).",
                    Map.of("required", true),
                    r -> r.article().addedAt().toString()),
            field(
                    "updated_at",
                    "datetime",
                    null,
                    "Dernière modification de la copie de l’archive (UTC)\u202F: voir son historique.",
                    Map.of("required", true),
                    r -> r.article().updatedAt().toString()),
            field(
                    "rights_holder",
                    "string",
                    null,
                    "Ayants droit, tels que la rédaction les a indiqués (vide si elle ne les a pas indiqués).",
                    Map.of(),
                    r -> r.article().rights().holder()),
            field(
                    "rights_basis",
                    "string",
                    null,
                    "À quel titre l’archive reproduit le texte\u202F: archive (tous droits réservés, reproduit à titre"
                            + " d’archive avec sa source), permission (avec l’autorisation des ayants droit) ou"
                            + " license (sous la licence indiquée).",
                    Map.of("enum", List.of("archive", "permission", "license")),
                    r -> r.article().rights().basis() == null
                            ? null
                            : r.article().rights().basis().key()),
            field(
                    "rights_license",
                    "string",
                    "uri",
                    "Adresse de la licence, quand le texte en a une.",
                    Map.of(),
                    r -> r.article().rights().license()),
            field(
                    "rights_statement",
                    "string",
                    null,
                    "Les droits en une phrase, comme les donne Dublin Core.",
                    Map.of(),
                    r -> r.article().rights().statement()));

    /** The JSON Lines' own fields: links as objects, the text as blocks. */
    static final List<Field> JSON_ONLY = List.of(
            field(
                    "authors",
                    "array",
                    null,
                    "Signataires, dans l’ordre\u202F: name, slug, family_name, given_names (quand la rédaction les a"
                            + " indiqués), credit (la mention imprimée sous le titre).",
                    Map.of("required", true),
                    r -> r.article().bylines().stream()
                            .map(DatasetFields::author)
                            .toList()),
            field(
                    "topics",
                    "array",
                    null,
                    "Thèmes\u202F: slug, name.",
                    Map.of("required", true),
                    r -> named(r.article().topics())),
            field(
                    "organisations",
                    "array",
                    null,
                    "Organisations nommées dans le texte\u202F: slug, name.",
                    Map.of("required", true),
                    r -> named(r.article().organisations())),
            field(
                    "blocks",
                    "array",
                    null,
                    "Le texte, dans l’ordre\u202F: kind (heading ou paragraph), anchor (s-N ou p-N, l’ancre dans la"
                            + " page), text, reproduit à l’identique.",
                    Map.of("required", true),
                    r -> r.article().blocks().stream().map(DatasetFields::block).toList()));

    /** The CSV's own fields: names as JSON arrays, the text in one cell. */
    static final List<Field> CSV_ONLY = List.of(
            field(
                    "authors",
                    "array",
                    null,
                    "Noms des signataires, dans l’ordre (tableau JSON).",
                    Map.of("required", true),
                    r -> r.article().bylines().stream()
                            .map(ArticleCard.Byline::name)
                            .toList()),
            field(
                    "topics",
                    "array",
                    null,
                    "Noms des thèmes (tableau JSON).",
                    Map.of("required", true),
                    r -> r.article().topics().stream()
                            .map(ArticleDocument.Named::name)
                            .toList()),
            field(
                    "organisations",
                    "array",
                    null,
                    "Noms des organisations nommées dans le texte (tableau JSON).",
                    Map.of("required", true),
                    r -> r.article().organisations().stream()
                            .map(ArticleDocument.Named::name)
                            .toList()),
            field(
                    "text",
                    "string",
                    null,
                    "Le texte, reproduit à l’identique\u202F: paragraphes séparés par une ligne vide, « ## » devant"
                            + " un intertitre.",
                    Map.of("required", true),
                    r -> text(r.article())));

    static List<Field> json() {
        List<Field> fields = new ArrayList<>(COMMON);
        fields.addAll(JSON_ONLY);
        return fields;
    }

    static List<Field> csv() {
        List<Field> fields = new ArrayList<>(COMMON);
        fields.addAll(CSV_ONLY);
        return fields;
    }

    private static Field field(
            String name,
            String type,
            String format,
            String description,
            Map<String, Object> constraints,
            Function<Record, Object> value) {
        return new Field(name, type, format, description, constraints, value);
    }

    private static Map<String, Object> author(ArticleCard.Byline byline) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", byline.name());
        author.put("slug", byline.slug());
        author.put("family_name", byline.familyName());
        author.put("given_names", byline.givenNames());
        author.put("credit", byline.credit());
        return author;
    }

    private static List<Map<String, Object>> named(List<ArticleDocument.Named> named) {
        return named.stream()
                .map(n -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("slug", n.slug());
                    map.put("name", n.name());
                    return map;
                })
                .toList();
    }

    private static Map<String, Object> block(ArticleDocument.Block block) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", block.heading() ? "heading" : "paragraph");
        map.put("anchor", block.anchor());
        map.put("text", block.text());
        return map;
    }

    /** The text as the archive's files write it: blocks separated by a blank line, {@code ## } before a heading. */
    static String text(ArticleDocument article) {
        StringBuilder text = new StringBuilder();
        for (ArticleDocument.Block block : article.blocks()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.heading() ? "## " : "").append(block.text());
        }
        return text.toString();
    }
}
