package fr.tribunes.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word-by-word difference between two texts, spaces kept as they were, so that a reader sees a lost word, a changed
 * letter or a doubled space: used by the corrections' history and by the check of an imported draft.
 */
public final class WordDiff {

    /** Words and the spaces between them, kept apart so that a word diff shows spaces as they were. */
    private static final Pattern TOKENS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private WordDiff() {}

    /** A piece of the difference: {@code kind} is « same », « removed » (only before) or « added » (only after). */
    public record Segment(String text, String kind) {}

    /** The segments that turn {@code before} into {@code after}, in reading order. */
    public static List<Segment> between(String before, String after) {
        List<String> from = List.of(TOKENS.split(before));
        List<String> to = List.of(TOKENS.split(after));
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) {
                segments.add(new Segment(String.join("", from.subList(position, start)), "same"));
            }
            if (!delta.getSource().getLines().isEmpty()) {
                segments.add(new Segment(String.join("", delta.getSource().getLines()), "removed"));
            }
            if (!delta.getTarget().getLines().isEmpty()) {
                segments.add(new Segment(String.join("", delta.getTarget().getLines()), "added"));
            }
            position = start + delta.getSource().size();
        }
        if (position < from.size()) {
            segments.add(new Segment(String.join("", from.subList(position, from.size())), "same"));
        }
        return segments;
    }
}
