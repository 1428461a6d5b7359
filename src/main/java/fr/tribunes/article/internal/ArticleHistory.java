package fr.tribunes.article.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import fr.tribunes.article.WordDiff;
import fr.tribunes.article.WordDiff.Segment;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public record of an op-ed's corrections: its recorded versions, and what changed from one to the next,
 * line by line and, within a changed line, word by word.
 */
@Service
@Transactional(readOnly = true)
class ArticleHistory {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H'\u00A0h\u00A0'mm", Locale.FRENCH);

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final ArticleRepository articles;

    private final ArticleRevisionRepository revisions;

    ArticleHistory(ArticleRepository articles, ArticleRevisionRepository revisions) {
        this.articles = articles;
        this.revisions = revisions;
    }

    /** A version in the list. */
    record Version(int number, String savedOn, String reason, boolean shown) {}

    /** A changed line: removed, added, or changed within (its segments then say where). */
    record Line(String kind, List<Segment> segments) {}

    /** What changed from version {@code from} to version {@code to}. */
    record Changes(int from, int to, String reason, List<Line> lines) {}

    /**
     * The history page of a published op-ed.
     *
     * @param versions newest first; empty if it was never corrected
     * @param changes what the version shown changed, or null when there is only one version
     */
    record HistoryView(String slug, String title, String addedOn, List<Version> versions, Changes changes) {}

    /**
     * The history of a published op-ed, showing what version {@code shown} changed (the newest when null).
     *
     * @return empty if no published op-ed has this slug or no such version exists
     */
    Optional<HistoryView> find(String slug, Integer shown) {
        Optional<Article> found = articles.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        List<ArticleRevision> all = revisions.findByArticleIdOrderByNumberDesc(article.id());
        int selected = shown != null ? shown : all.isEmpty() ? 0 : all.get(0).number();
        if (shown != null && all.stream().noneMatch(r -> r.number() == shown)) {
            return Optional.empty();
        }
        List<Version> versions = all.stream()
                .map(r -> new Version(r.number(), when(r.savedAt()), r.reason(), r.number() == selected))
                .toList();
        Changes changes = null;
        Optional<ArticleRevision> after =
                all.stream().filter(r -> r.number() == selected).findFirst();
        Optional<ArticleRevision> before =
                all.stream().filter(r -> r.number() == selected - 1).findFirst();
        if (after.isPresent() && before.isPresent()) {
            changes = new Changes(
                    selected - 1,
                    selected,
                    after.get().reason(),
                    diff(before.get().comparable(), after.get().comparable()));
        }
        return Optional.of(new HistoryView(
                article.slug(),
                article.title(),
                PublicationDate.dayLabel(article.addedAt().atZone(ZONE).toLocalDate()),
                versions,
                changes));
    }

    static String when(Instant instant) {
        return instant.atZone(ZONE).format(WHEN);
    }

    /** The changed lines between two texts; a line changed in place is compared word by word. */
    static List<Line> diff(String before, String after) {
        List<String> from = before.lines().toList();
        List<String> to = after.lines().toList();
        List<Line> lines = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.CHANGE && removed.size() == added.size()) {
                for (int i = 0; i < removed.size(); i++) {
                    lines.add(new Line("changed", WordDiff.between(removed.get(i), added.get(i))));
                }
                continue;
            }
            removed.forEach(line -> lines.add(new Line("removed", List.of(new Segment(line, "removed")))));
            added.forEach(line -> lines.add(new Line("added", List.of(new Segment(line, "added")))));
        }
        return lines;
    }
}
