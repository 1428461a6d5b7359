package fr.tribunes.article;

import fr.tribunes.article.internal.ArticleLinks;
import fr.tribunes.article.internal.DraftCheck;
import fr.tribunes.article.internal.EditableArticle;
import fr.tribunes.article.internal.EditableArticleRepository;
import fr.tribunes.typography.Slugs;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Op-eds in and out as files of the exchange format ({@link ArticleFile}): one imported (created, updated or left
 * as it is, through the same checks and writes as an editor's), all exported in constant memory. The commands and
 * the back office's backups ({@code exchange}) call these.
 */
@Service
@Transactional
public class ArticleFiles {

    /** What an import did with a file. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** An exported op-ed: its slug, its status and the file's content. */
    public record Exported(String slug, ArticleStatus status, String content) {}

    private final EditableArticleRepository articles;

    private final ArticleEditor editor;

    private final DraftCheck check;

    private final ArticleLinks links;

    private final EntityManager entities;

    private final Clock clock;

    ArticleFiles(
            EditableArticleRepository articles,
            ArticleEditor editor,
            DraftCheck check,
            ArticleLinks links,
            EntityManager entities,
            Clock clock) {
        this.articles = articles;
        this.editor = editor;
        this.check = check;
        this.links = links;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Imports one file: creates the op-ed it describes, or updates the one with the same slug (a revision is kept if
     * it is published), or changes nothing if it is the same. A new op-ed takes the dates the file gives
     * ({@code added_at}, {@code updated_at}); so does one whose text and status are the same as the file's.
     *
     * @throws ArticleFileException if the file is refused, with the line of the first field at fault
     */
    public Outcome importFile(ArticleFile.Parsed file, String by) throws ArticleFileException {
        ArticleDraft draft = file.draft();
        String slug = draft.slug() == null || draft.slug().isBlank()
                ? Slugs.of(draft.title() == null ? "" : draft.title(), DraftCheck.MAX_SLUG)
                : draft.slug().strip();
        Optional<EditableArticle> existing = articles.findBySlug(slug);
        DraftCheck.Checked checked;
        try {
            checked = check.check(
                    draft.withSlug(slug),
                    existing.map(EditableArticle::id).orElse(null),
                    "Import de " + file.name(),
                    false);
        } catch (InvalidDraftException e) {
            Map.Entry<String, String> first = e.errors().entrySet().stream()
                    .min(Comparator.comparingInt(entry -> file.lineOf(entry.getKey())))
                    .orElseThrow();
            throw new ArticleFileException(file.name(), file.lineOf(first.getKey()), first.getValue());
        }
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            EditableArticle article = new EditableArticle(now);
            if (file.addedAt() != null) {
                article.addedAt(file.addedAt());
            }
            editor.apply(article, links.resolve(checked), now);
            article = articles.save(article);
            editor.changed(article.id(), now);
            if (file.status() == ArticleStatus.PUBLISHED) {
                editor.publish(article.id(), by);
            }
            if (file.updatedAt() != null) {
                article.updatedAt(file.updatedAt());
            }
            return Outcome.CREATED;
        }
        EditableArticle article = existing.get();
        ArticleLinks.Resolved resolved = links.resolve(checked);
        String before = editor.snapshot(article);
        boolean sameText = before.equals(ArticleEditor.snapshot(resolved.draft()));
        if (sameText && article.status() == file.status()) {
            boolean sameDates = (file.addedAt() == null || file.addedAt().equals(article.addedAt()))
                    && (file.updatedAt() == null || file.updatedAt().equals(article.updatedAt()));
            if (sameDates) {
                return Outcome.UNCHANGED;
            }
            // The same op-ed from another copy of the archive (its export, or the seed every new database gets
            // at its own date): it takes that copy's dates, so feeds date it alike. Nothing a reader sees of
            // the text changed: no revision.
            if (file.addedAt() != null) {
                article.addedAt(file.addedAt());
            }
            if (file.updatedAt() != null) {
                article.updatedAt(file.updatedAt());
            }
            editor.changed(article.id(), now);
            return Outcome.UPDATED;
        }
        if (!sameText) {
            editor.apply(article, resolved, now);
            if (article.status() == ArticleStatus.PUBLISHED) {
                editor.record(article, before, by, checked.reason(), now);
            }
            editor.changed(article.id(), now);
        }
        if (file.status() == ArticleStatus.PUBLISHED) {
            editor.publish(article.id(), by);
        } else {
            editor.unpublish(article.id());
        }
        return Outcome.UPDATED;
    }

    /** Every op-ed's slug, drafts included: the names of an export's files. */
    @Transactional(readOnly = true)
    public List<String> exportSlugs() {
        return articles.findAllSlugs();
    }

    /** How many op-eds an export reads at a time before letting them go. */
    static final int EXPORT_BATCH = 200;

    /**
     * Every op-ed, drafts included, in the exchange format, in the order they were added (by key), handed to
     * {@code sink} one at a time: read {@value #EXPORT_BATCH} at a time and let go, so that the memory an export
     * takes does not grow with the archive. Run inside the caller's transaction, which decides what the export
     * sees (one snapshot, for {@code exchange.ArchiveExchange}).
     *
     * @return how many op-eds were handed over
     */
    @Transactional(readOnly = true)
    public int exportEach(Consumer<Exported> sink) {
        long after = 0;
        int count = 0;
        while (true) {
            List<EditableArticle> batch = articles.findAfter(after, PageRequest.of(0, EXPORT_BATCH));
            if (batch.isEmpty()) {
                return count;
            }
            for (EditableArticle article : batch) {
                sink.accept(new Exported(
                        article.slug(),
                        article.status(),
                        ArticleFile.write(
                                links.toDraft(article), article.status(), article.addedAt(), article.updatedAt())));
                count++;
                after = article.id();
            }
            entities.clear();
        }
    }
}
