package fr.tribunes.feed;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.PublicationKind;
import fr.tribunes.facet.ArticleCard;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An op-ed as reference managers and note-takers read it: BibTeX, RIS, CSL-JSON and Markdown. Authors' names are
 * split into family and given names only where an editor entered them, never by guesswork; otherwise given whole.
 */
final class CitationFormats {

    private static final String[] BIBTEX_MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    private CitationFormats() {}

    /**
     * BibLaTeX, readable by BibTeX: {@code @article} with BibLaTeX's {@code entrysubtype} ({@code magazine} or
     * {@code newspaper}), which pandoc and citation-js read as CSL's article-magazine or article-newspaper where plain
     * {@code @article} means a journal article; {@code date} in EDTF, {@code 2015-10~} when approximate, beside
     * BibTeX's {@code year} and {@code month}.
     */
    static String bibtex(ArticleDocument article, String url) {
        StringBuilder bib = new StringBuilder("@article{").append(key(article)).append(",\n");
        field(
                bib,
                "author",
                article.bylines().stream().map(CitationFormats::bibtexName).collect(Collectors.joining(" and ")));
        field(bib, "title", "{" + bibtexEscape(article.title()) + "}");
        field(bib, "entrysubtype", kind(article) == PublicationKind.MAGAZINE ? "magazine" : "newspaper");
        if (article.originalPublisher() != null) {
            field(bib, "journal", bibtexEscape(article.originalPublisher()));
        }
        field(bib, "date", edtf(article));
        field(bib, "year", article.isoDate().substring(0, 4));
        if (article.isoDate().length() >= 7) {
            bib.append("  month = ")
                    .append(BIBTEX_MONTHS[Integer.parseInt(article.isoDate().substring(5, 7)) - 1])
                    .append(",\n");
        }
        if (article.originalUrl() != null) {
            field(bib, "url", article.originalUrl());
        }
        field(bib, "langid", "french");
        field(bib, "note", bibtexEscape(note(article, url)));
        return bib.append("}\n").toString();
    }

    static String ris(ArticleDocument article, String url) {
        List<String> lines = new ArrayList<>();
        lines.add(kind(article) == PublicationKind.MAGAZINE ? "TY  - MGZN" : "TY  - NEWS");
        lines.add("TI  - " + oneLine(article.title()));
        article.bylines().forEach(byline -> lines.add("AU  - " + oneLine(byline.inverted())));
        String[] parts = article.isoDate().split("-");
        lines.add("PY  - " + parts[0]);
        lines.add("DA  - " + parts[0] + "/" + (parts.length > 1 ? parts[1] : "") + "/"
                + (parts.length > 2 ? parts[2] : "") + "/");
        if (article.originalPublisher() != null) {
            lines.add("T2  - " + oneLine(article.originalPublisher()));
        }
        if (article.originalUrl() != null) {
            lines.add("UR  - " + oneLine(article.originalUrl()));
        }
        if (article.standfirst() != null) {
            lines.add("AB  - " + oneLine(article.standfirst()));
        }
        article.topics().forEach(topic -> lines.add("KW  - " + oneLine(topic.name())));
        lines.add("LA  - fr");
        lines.add("N1  - " + oneLine(note(article, url)));
        lines.add("ER  - ");
        return String.join("\r\n", lines) + "\r\n";
    }

    static Map<String, Object> cslJson(ArticleDocument article, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", article.slug());
        item.put("type", kind(article) == PublicationKind.MAGAZINE ? "article-magazine" : "article-newspaper");
        item.put("title", article.title());
        item.put(
                "author",
                article.bylines().stream().map(CitationFormats::cslName).toList());
        if (article.originalPublisher() != null) {
            item.put("container-title", article.originalPublisher());
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : article.isoDate().split("-")) {
            parts.add(Integer.valueOf(part));
        }
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("date-parts", List.of(parts));
        if (article.dateApproximate()) {
            issued.put("circa", true);
        }
        item.put("issued", issued);
        if (article.originalUrl() != null) {
            item.put("URL", article.originalUrl());
        }
        if (article.standfirst() != null) {
            item.put("abstract", article.standfirst().strip());
        }
        item.put("language", "fr");
        item.put(
                "keyword",
                article.topics().stream().map(ArticleDocument.Named::name).collect(Collectors.joining(", ")));
        // The archived copy's address only in the note: CSL's archive_location is a shelf mark, which styles print
        // as one (Chicago: « Http://… »).
        item.put("archive", "Tribunes");
        item.put("note", note(article, url));
        return item;
    }

    static String markdown(ArticleDocument article, String url) {
        StringBuilder md =
                new StringBuilder("# ").append(markdownEscape(article.title())).append("\n\n");
        for (ArticleCard.Byline byline : article.bylines()) {
            md.append(markdownEscape(byline.credit() == null ? byline.name() : byline.name() + ", " + byline.credit()))
                    .append("\n\n");
        }
        md.append("*").append(dateLine(article)).append("*\n\n");
        if (article.standfirst() != null) {
            // Trailing spaces, no-break ones included, would stop "**" from closing the emphasis.
            md.append("**")
                    .append(markdownEscape(article.standfirst().replaceAll("[\\s\u00A0\u202F]+$", "")))
                    .append("**\n\n");
        }
        for (ArticleDocument.Block block : article.blocks()) {
            md.append(block.heading() ? "## " : "")
                    .append(markdownEscape(block.text()))
                    .append("\n\n");
        }
        md.append("---\n\n");
        if (article.originalUrl() != null) {
            md.append("Original : <").append(article.originalUrl()).append(">\n\n");
        }
        md.append("Droits : ")
                .append(
                        article.rights().known()
                                ? markdownEscape(article.rights().statement())
                                : "non renseignés.")
                .append("\n\n");
        return md.append("Archivé par Tribunes : <").append(url).append(">\n").toString();
    }

    static String dateLine(ArticleDocument article) {
        return (article.isoDate().length() == 10 ? "Publié le " : "Publié en ") + article.date()
                + (article.dateApproximate() ? " (date approximative)" : "")
                + (article.originalPublisher() == null ? "" : " par " + article.originalPublisher()) + ".";
    }

    /**
     * « Vrangos, Théodore Michel » when an editor gave the name's parts: BibTeX then sorts and abbreviates it
     * right. Without them the whole name in braces, which BibTeX never splits: nothing is guessed.
     */
    private static String bibtexName(ArticleCard.Byline byline) {
        if (byline.familyName() == null) {
            return "{" + bibtexEscape(byline.name()) + "}";
        }
        String family = "{" + bibtexEscape(byline.familyName()) + "}";
        return byline.givenNames() == null ? family : family + ", " + bibtexEscape(byline.givenNames());
    }

    /** CSL's {@code family} and {@code given} when known, its {@code literal} otherwise. */
    private static Map<String, Object> cslName(ArticleCard.Byline byline) {
        Map<String, Object> name = new LinkedHashMap<>();
        if (byline.familyName() == null) {
            name.put("literal", byline.name());
            return name;
        }
        name.put("family", byline.familyName());
        if (byline.givenNames() != null) {
            name.put("given", byline.givenNames());
        }
        return name;
    }

    /** The publisher's kind as editors said; a newspaper when not said (the archive's type before they could). */
    private static PublicationKind kind(ArticleDocument article) {
        return article.publicationKind() == null ? PublicationKind.NEWSPAPER : article.publicationKind();
    }

    /** The date in EDTF (ISO 8601 to the precision known), with « ~ » when approximate: {@code 2015-10~}. */
    static String edtf(ArticleDocument article) {
        return article.isoDate() + (article.dateApproximate() ? "~" : "");
    }

    private static String note(ArticleDocument article, String url) {
        return (article.dateApproximate() ? "Date approximative : " + article.date() + ". " : "")
                + "Archivé par Tribunes : " + url;
    }

    /** "vrangos2015etat": the first author's last word, the year, the title's first long word, in ASCII. */
    static String key(ArticleDocument article) {
        String author = article.bylines().isEmpty()
                ? "anonyme"
                : article.bylines().get(0).familyName() != null
                        ? article.bylines().get(0).familyName()
                        : lastWord(article.bylines().get(0).name());
        String word = "";
        for (String candidate : ascii(article.title()).split("[^a-z0-9]+")) {
            if (candidate.length() > 3) {
                word = candidate;
                break;
            }
        }
        return ascii(author).replaceAll("[^a-z0-9]", "") + article.isoDate().substring(0, 4) + word;
    }

    private static String lastWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static void field(StringBuilder bib, String name, String value) {
        bib.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    private static String bibtexEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> escaped.append('\\').append(c);
                case '~' -> escaped.append("\\textasciitilde{}");
                case '^' -> escaped.append("\\textasciicircum{}");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String markdownEscape(String text) {
        String escaped = text.replaceAll("([\\\\*_\\[\\]<>`])", "\\\\$1");
        return escaped.matches("^(#|>|[-+] |\\d+\\. ).*") ? "\\" + escaped : escaped;
    }

    /** The text on one line: a RIS value ends at the first line break, so a break in a name would begin a field. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+\\s*", " ")
                .strip();
    }
}
