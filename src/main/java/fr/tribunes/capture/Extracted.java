package fr.tribunes.capture;

import fr.tribunes.article.ArticleDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * What a published page (or a WordPress post) says of an op-ed, as found in it: nothing here is guessed; what the
 * page does not say is null or empty, and the editor fills it in before publishing.
 *
 * @param title the title, as printed
 * @param authors who signed it, as the page names them
 * @param credit the first author's credit line as printed with the text (« Président et cofondateur d’I-Tracing »),
 *     or null
 * @param date when it was published, to the precision the page gives ({@code 2015-10-22}, {@code 2015-10}), or null
 * @param publisher who published it (the site's name), or null
 * @param url the page's own address (canonical), or null
 * @param standfirst the standfirst, or null
 * @param blocks the text: section headings and paragraphs, in order
 * @param themes categories and tags, as the page or export names them
 */
public record Extracted(
        String title,
        List<String> authors,
        String credit,
        String date,
        String publisher,
        String url,
        String standfirst,
        List<Block> blocks,
        List<String> themes) {

    /** A section heading or a paragraph, its text as printed. */
    public record Block(boolean heading, String text) {}

    public Extracted {
        authors = List.copyOf(authors);
        blocks = List.copyOf(blocks);
        themes = List.copyOf(themes);
    }

    /** The text in the archive's plain-text format: a blank line between blocks, {@code ## } before a heading. */
    public String text() {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            parts.add(block.heading() ? "## " + block.text() : block.text());
        }
        return String.join("\n\n", parts);
    }

    /** A draft for editors to check: what the page says, nothing more. */
    public ArticleDraft draft() {
        return new ArticleDraft(
                title,
                null,
                standfirst,
                text(),
                date,
                false,
                null,
                publisher,
                url,
                authors.stream()
                        .map(name -> new ArticleDraft.Byline(
                                name, null, null, null, name.equals(authors.get(0)) ? credit : null))
                        .toList(),
                themes,
                List.of());
    }
}
