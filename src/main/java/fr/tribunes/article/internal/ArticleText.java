package fr.tribunes.article.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text format editors write an op-ed's text in: paragraphs separated by a blank line, a section heading
 * on a paragraph of its own starting with {@code ## }. The words are kept exactly as typed: only line endings are
 * normalised and blank lines around paragraphs dropped.
 */
final class ArticleText {

    static final String HEADING = "## ";

    private ArticleText() {}

    static List<ArticleBlock> parse(String text) {
        List<ArticleBlock> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                flush(current, blocks);
            } else {
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        flush(current, blocks);
        return blocks;
    }

    private static void flush(StringBuilder current, List<ArticleBlock> blocks) {
        if (current.isEmpty()) {
            return;
        }
        String block = current.toString();
        if (block.startsWith(HEADING)) {
            blocks.add(new ArticleBlock(ArticleBlock.Kind.HEADING, block.substring(HEADING.length())));
        } else {
            blocks.add(new ArticleBlock(ArticleBlock.Kind.PARAGRAPH, block));
        }
        current.setLength(0);
    }

    static String format(List<ArticleBlock> blocks) {
        StringBuilder text = new StringBuilder();
        for (ArticleBlock block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (block.kind() == ArticleBlock.Kind.HEADING) {
                text.append(HEADING);
            }
            text.append(block.body());
        }
        return text.toString();
    }
}
