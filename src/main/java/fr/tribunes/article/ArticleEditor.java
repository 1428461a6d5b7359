package fr.tribunes.article;

import fr.tribunes.article.internal.ArticleContent;
import fr.tribunes.article.internal.ArticleLinks;
import fr.tribunes.article.internal.ArticleListings;
import fr.tribunes.article.internal.ArticleRevision;
import fr.tribunes.article.internal.ArticleRevisionRepository;
import fr.tribunes.article.internal.DraftCheck;
import fr.tribunes.article.internal.EditableArticle;
import fr.tribunes.article.internal.EditableArticleRepository;
import fr.tribunes.article.internal.RevisionFormat;
import fr.tribunes.article.internal.Signature;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.PageDependencies;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to op-eds: write drafts, publish and unpublish them, correct published ones (each save kept as
 * a revision), restore an older version. What they wrote is checked by {@link DraftCheck} and linked to authors,
 * themes and organisations by {@link ArticleLinks}; files come in and go out through {@link ArticleFiles}. Every
 * change moves the archive's version ({@link ArchiveVersion}) and announces itself ({@link ArticlesChanged}) so the
 * search index follows.
 */
@Service
@Transactional
public class ArticleEditor {

    /** The longest reason for a correction. */
    public static final int MAX_REASON = 500;

    /** Who is named for the version an op-ed had before its first recorded correction. */
    static final String ORIGINAL_EDITOR = "archive";

    private final EditableArticleRepository articles;

    private final ArticleRevisionRepository revisions;

    private final DraftCheck check;

    private final ArticleLinks links;

    private final FormerSlugs formerSlugs;

    private final ArchiveVersion version;

    private final ArticleListings listings;

    private final EntityManager entities;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ArticleEditor(
            EditableArticleRepository articles,
            ArticleRevisionRepository revisions,
            DraftCheck check,
            ArticleLinks links,
            FormerSlugs formerSlugs,
            ArchiveVersion version,
            ArticleListings listings,
            EntityManager entities,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.check = check;
        this.links = links;
        this.formerSlugs = formerSlugs;
        this.version = version;
        this.listings = listings;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    /** An op-ed in the back office's list. */
    public record Listed(long id, String title, String slug, ArticleStatus status, Instant updatedAt) {}

    /**
     * An op-ed opened for editing.
     *
     * @param version what the editor's save must match (optimistic locking)
     * @param revisions how many versions are recorded
     */
    public record Edited(
            long id,
            long version,
            ArticleStatus status,
            String slug,
            ArticleDraft draft,
            Instant addedAt,
            Instant updatedAt,
            int revisions) {}

    /** A recorded version, as editors see it. */
    public record RevisionInfo(int number, Instant savedAt, String editor, String reason) {}

    /** Drafts and published op-eds whose title contains {@code title} (all when blank), last changed first. */
    @Transactional(readOnly = true)
    public List<Listed> list(String title, int limit) {
        String words = title == null ? "" : title.strip();
        return articles.findByTitle(words, PageRequest.of(0, limit)).stream()
                .map(a -> new Listed(a.id(), a.title(), a.slug(), a.status(), a.updatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Edited> find(long id) {
        return articles.findById(id).map(this::edited);
    }

    private Edited edited(EditableArticle article) {
        int count = revisions
                .findFirstByArticleIdOrderByNumberDesc(article.id())
                .map(ArticleRevision::number)
                .orElse(0);
        return new Edited(
                article.id(),
                article.version(),
                article.status(),
                article.slug(),
                links.toDraft(article),
                article.addedAt(),
                article.updatedAt(),
                count);
    }

    /** The slug a title would get, for the form's hint. */
    @Transactional(readOnly = true)
    public String slugFor(String title, Long id) {
        return check.freeSlug(title == null ? "" : title.strip(), id);
    }

    /** Creates a draft; nothing of it is public until it is published. */
    public long create(ArticleDraft draft, String editor) throws InvalidDraftException {
        DraftCheck.Checked checked = check.check(draft, null, null, false);
        Instant now = clock.instant();
        EditableArticle article = new EditableArticle(now);
        apply(article, links.resolve(checked), now);
        article = articles.save(article);
        changed(article.id(), now);
        return article.id();
    }

    /**
     * Saves an editor's changes. A published op-ed's save is recorded as a revision, with its reason; a changed slug
     * keeps the old address answering with a redirect.
     *
     * @param expectedVersion the version the editor started from
     * @throws EditConflictException if someone else saved it since
     */
    public void save(long id, long expectedVersion, ArticleDraft draft, String reason, String editor)
            throws InvalidDraftException, EditConflictException {
        EditableArticle article = load(id);
        if (article.version() != expectedVersion) {
            throw new EditConflictException();
        }
        boolean published = article.status() == ArticleStatus.PUBLISHED;
        DraftCheck.Checked checked = check.check(draft, id, reason, published);
        String before = snapshot(article);
        String oldSlug = article.slug();
        Instant now = clock.instant();
        ArticleLinks.Resolved resolved = links.resolve(checked);
        if (before.equals(snapshot(resolved.draft()))) {
            return;
        }
        apply(article, resolved, now);
        if (published) {
            if (!oldSlug.equals(article.slug())) {
                formerSlugs.moved(FormerSlugs.Kind.ARTICLE, id, oldSlug, article.slug());
            }
            record(article, before, editor, checked.reason(), now);
        }
        changed(id, now);
    }

    public void publish(long id, String editor) {
        EditableArticle article = load(id);
        if (article.status() == ArticleStatus.PUBLISHED) {
            return;
        }
        Instant now = clock.instant();
        article.publish(now);
        formerSlugs.taken(FormerSlugs.Kind.ARTICLE, article.slug());
        String snapshot = snapshot(article);
        Optional<ArticleRevision> last = revisions.findFirstByArticleIdOrderByNumberDesc(id);
        if (last.isEmpty()) {
            revisions.save(new ArticleRevision(id, 1, now, editor, "Publication", snapshot));
        } else if (!last.get().comparable().equals(snapshot)) {
            revisions.save(
                    new ArticleRevision(id, last.get().number() + 1, now, editor, "Nouvelle publication", snapshot));
        }
        changed(id, now);
    }

    /** Takes an op-ed off the public site; it becomes a draft again, its history kept. */
    public void unpublish(long id) {
        EditableArticle article = load(id);
        if (article.status() == ArticleStatus.DRAFT) {
            return;
        }
        Instant now = clock.instant();
        article.unpublish(now);
        changed(id, now);
    }

    private EditableArticle load(long id) {
        return articles.findById(id).orElseThrow(() -> new IllegalArgumentException("No op-ed " + id));
    }

    @Transactional(readOnly = true)
    public List<RevisionInfo> revisions(long id) {
        return revisions.findByArticleIdOrderByNumberDesc(id).stream()
                .map(r -> new RevisionInfo(r.number(), r.savedAt(), r.editor(), r.reason()))
                .toList();
    }

    /** Brings back an older version; the restoration is itself a new revision. */
    public void restore(long id, int number, String editor) throws InvalidDraftException, ArticleFileException {
        EditableArticle article = load(id);
        ArticleRevision revision = revisions
                .findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new IllegalArgumentException("No revision " + number));
        ArticleDraft draft = revision.draft();
        try {
            save(id, article.version(), draft, "Rétablissement de la version n° " + number, editor);
        } catch (EditConflictException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Writes a checked, linked draft into the op-ed. */
    void apply(EditableArticle article, ArticleLinks.Resolved resolved, Instant now) {
        if (article.id() != null && !authorIds(article.signatures()).equals(authorIds(resolved.signatures()))) {
            // Hibernate rewrites a list row by row: an author moving to another position would be named twice for a
            // moment, which the table refuses (article_author_unique), and re-signing an op-ed failed. Emptied and
            // written first, the signatures are then written anew.
            article.signatures().clear();
            entities.flush();
        }
        ArticleDraft draft = resolved.draft();
        article.write(
                resolved.checked().slug(),
                draft.title(),
                draft.standfirst(),
                resolved.checked().date(),
                draft.dateNote(),
                draft.originalPublisher(),
                draft.originalUrl(),
                draft.rights(),
                resolved.checked().blocks(),
                resolved.signatures(),
                resolved.topicIds(),
                resolved.mentions(),
                now);
    }

    private static List<Long> authorIds(List<Signature> signatures) {
        return signatures.stream().map(Signature::authorId).toList();
    }

    /**
     * Keeps a revision of a published op-ed's new state. The first correction of an op-ed that has no recorded
     * version (one archived before revisions existed) first records the version it replaces.
     */
    void record(EditableArticle article, String before, String editor, String reason, Instant now) {
        int last = revisions
                .findFirstByArticleIdOrderByNumberDesc(article.id())
                .map(ArticleRevision::number)
                .orElse(0);
        if (last == 0) {
            revisions.save(new ArticleRevision(
                    article.id(), 1, article.addedAt(), ORIGINAL_EDITOR, "Version d’origine de l’archive", before));
            last = 1;
        }
        revisions.save(new ArticleRevision(article.id(), last + 1, now, editor, reason, snapshot(article)));
    }

    /**
     * Every write of an op-ed ends here, in its transaction: the archive's change stamp first (its row lock makes
     * writers take their turn), then the kept lists and counts, with what the change touched as pages show it (the
     * op-ed, the lists it moved in, the themes among whose newest it is), then the search index after the commit.
     */
    void changed(long id, Instant now) {
        ArchiveVersion.Scope scope = version.changedOnly(now);
        scope.add(PageDependencies.opEd(id));
        scope.addAll(listings.refresh(id, now));
        events.publishEvent(new ArticlesChanged(Set.of(id)));
    }

    /** The op-ed's text and links as a revision keeps them. */
    String snapshot(ArticleContent article) {
        return snapshot(links.toDraft(article));
    }

    static String snapshot(ArticleDraft draft) {
        return RevisionFormat.write(draft);
    }
}
