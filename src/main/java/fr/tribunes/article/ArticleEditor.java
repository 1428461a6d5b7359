package fr.tribunes.article;

import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.PageDependencies;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import fr.tribunes.typography.Slugs;
import fr.tribunes.typography.TypedText;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to op-eds: write drafts, publish and unpublish them, correct published ones (each save kept as
 * a revision), restore an older version, import and export files. Every change moves the archive's version
 * ({@link ArchiveVersion}) and announces itself ({@link ArticlesChanged}) so the search index follows.
 */
@Service
@Transactional
public class ArticleEditor {

    static final int MAX_TITLE = 1000;

    static final int MAX_SLUG = 300;

    static final int MAX_STANDFIRST = 4000;

    static final int MAX_BLOCK = 100_000;

    static final int MAX_NOTE = 1000;

    static final int MAX_PUBLISHER = 300;

    static final int MAX_URL = 2000;

    static final int MAX_ROLE = 300;

    static final int MAX_CREDIT = 1000;

    static final int MAX_NAME = 200;

    /** The longest reason for a correction. */
    public static final int MAX_REASON = 500;

    /** Who is named for the version an op-ed had before its first recorded correction. */
    static final String ORIGINAL_EDITOR = "archive";

    private static final Pattern DATE = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    private final EditableArticleRepository articles;

    private final ArticleRevisionRepository revisions;

    private final Authors authors;

    private final Topics topics;

    private final Organisations organisations;

    private final FormerSlugs formerSlugs;

    private final ArchiveVersion version;

    private final ArticleListings listings;

    private final EntityManager entities;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ArticleEditor(
            EditableArticleRepository articles,
            ArticleRevisionRepository revisions,
            Authors authors,
            Topics topics,
            Organisations organisations,
            FormerSlugs formerSlugs,
            ArchiveVersion version,
            ArticleListings listings,
            EntityManager entities,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.authors = authors;
        this.topics = topics;
        this.organisations = organisations;
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

    /** What an import did with a file. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** An exported op-ed: its slug, its status and the file's content. */
    public record Exported(String slug, ArticleStatus status, String content) {}

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
                toDraft(article),
                article.addedAt(),
                article.updatedAt(),
                count);
    }

    /** The slug a title would get, for the form's hint. */
    @Transactional(readOnly = true)
    public String slugFor(String title, Long id) {
        return freeSlug(title == null ? "" : title.strip(), id);
    }

    /** Creates a draft; nothing of it is public until it is published. */
    public long create(ArticleDraft draft, String editor) throws InvalidDraftException {
        Checked checked = check(draft, null, null, false);
        Instant now = clock.instant();
        EditableArticle article = new EditableArticle(now);
        apply(article, resolve(checked), now);
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
        Checked checked = check(draft, id, reason, published);
        String before = snapshot(article);
        String oldSlug = article.slug();
        Instant now = clock.instant();
        Resolved resolved = resolve(checked);
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

    /**
     * Imports one file: creates the op-ed it describes, or updates the one with the same slug (a revision is kept if
     * it is published), or changes nothing if it is the same. A new op-ed takes the dates the file gives
     * ({@code added_at}, {@code updated_at}); so does one whose text and status are the same as the file's.
     *
     * @throws ArticleFileException if the file is refused, with the line of the first field at fault
     */
    public Outcome importFile(ArticleFile.Parsed file, String editor) throws ArticleFileException {
        ArticleDraft draft = file.draft();
        String slug = draft.slug() == null || draft.slug().isBlank()
                ? Slugs.of(draft.title() == null ? "" : draft.title(), MAX_SLUG)
                : draft.slug().strip();
        Optional<EditableArticle> existing = articles.findBySlug(slug);
        Checked checked;
        try {
            checked = check(
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
            apply(article, resolve(checked), now);
            article = articles.save(article);
            changed(article.id(), now);
            if (file.status() == ArticleStatus.PUBLISHED) {
                publish(article.id(), editor);
            }
            if (file.updatedAt() != null) {
                article.updatedAt(file.updatedAt());
            }
            return Outcome.CREATED;
        }
        EditableArticle article = existing.get();
        Resolved resolved = resolve(checked);
        String before = snapshot(article);
        boolean sameText = before.equals(snapshot(resolved.draft()));
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
            changed(article.id(), now);
            return Outcome.UPDATED;
        }
        if (!sameText) {
            apply(article, resolved, now);
            if (article.status() == ArticleStatus.PUBLISHED) {
                record(article, before, editor, checked.reason(), now);
            }
            changed(article.id(), now);
        }
        if (file.status() == ArticleStatus.PUBLISHED) {
            publish(article.id(), editor);
        } else {
            unpublish(article.id());
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
                        ArticleFile.write(toDraft(article), article.status(), article.addedAt(), article.updatedAt())));
                count++;
                after = article.id();
            }
            entities.clear();
        }
    }

    // ---- checking and writing ----

    /** A draft that passed every check, not yet linked to records. */
    private record Checked(
            ArticleDraft draft,
            String slug,
            PublicationDate date,
            List<ArticleBlock> blocks,
            List<ArticleDraft.Byline> bylines,
            List<String> themes,
            List<ArticleDraft.Mentioned> organisations,
            String reason) {}

    /** A checked draft linked to the records it names (created if new), ready to write. */
    private record Resolved(
            Checked checked,
            ArticleDraft draft,
            List<Signature> signatures,
            Set<Long> topicIds,
            Set<Mention> mentions) {}

    private Checked check(ArticleDraft draft, Long id, String reason, boolean reasonRequired)
            throws InvalidDraftException {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = strip(draft.title());
        if (title == null) {
            errors.put("title", "Indiquez le titre.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "Le titre dépasse %d caractères.".formatted(MAX_TITLE));
        }
        String slug = strip(draft.slug());
        if (slug == null) {
            slug = freeSlug(title == null ? "" : title, id);
            if (slug.isEmpty() && title != null) {
                errors.put("slug", "Indiquez une adresse : le titre ne contient aucune lettre ni chiffre.");
            }
        } else if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
            errors.put(
                    "slug",
                    "L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des traits"
                            + " d’union (au plus %d caractères), par exemple « cloud-souverain-et-pme »."
                                    .formatted(MAX_SLUG));
        } else if (articles.findBySlug(slug)
                .filter(other -> !other.id().equals(id))
                .isPresent()) {
            errors.put("slug", "L’adresse « %s » est déjà celle d’une autre tribune.".formatted(slug));
        }
        String standfirst = strip(draft.standfirst());
        if (standfirst != null && standfirst.length() > MAX_STANDFIRST) {
            errors.put("standfirst", "Le chapô dépasse %d caractères.".formatted(MAX_STANDFIRST));
        }
        List<ArticleBlock> blocks = ArticleText.parse(draft.text());
        if (blocks.isEmpty()) {
            errors.put("text", "Le texte est vide.");
        } else if (blocks.stream().anyMatch(b -> b.body().length() > MAX_BLOCK)) {
            errors.put("text", "Un paragraphe dépasse %d caractères.".formatted(MAX_BLOCK));
        }
        PublicationDate date = null;
        String dateText = strip(draft.date());
        if (dateText == null) {
            errors.put("date", "Indiquez la date de publication, même approximative (2015, 2015-10 ou 2015-10-22).");
        } else {
            date = parseDate(dateText, draft.dateApproximate());
            if (date == null) {
                errors.put(
                        "date",
                        "« %s » n’est pas une date : écrivez l’année (2015), le mois (2015-10) ou le jour (2015-10-22)."
                                .formatted(dateText));
            }
        }
        String note = strip(draft.dateNote());
        if (note != null && note.length() > MAX_NOTE) {
            errors.put("dateNote", "La note sur la date dépasse %d caractères.".formatted(MAX_NOTE));
        }
        String publisher = strip(draft.originalPublisher());
        if (publisher != null && publisher.length() > MAX_PUBLISHER) {
            errors.put("originalPublisher", "Le nom du média dépasse %d caractères.".formatted(MAX_PUBLISHER));
        }
        String url = strip(draft.originalUrl());
        if (url != null && !isWebAddress(url)) {
            errors.put("originalUrl", "L’adresse d’origine doit commencer par https:// ou http://.");
        }
        oneLine(errors, "title", "Le titre", title);
        oneLine(errors, "dateNote", "La note sur la date", note);
        oneLine(errors, "originalPublisher", "Le nom du média", publisher);
        oneLine(errors, "originalUrl", "L’adresse d’origine", url);
        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArticleDraft.Byline byline : draft.bylines()) {
            String author = strip(byline.author());
            String role = strip(byline.role());
            String organisation = strip(byline.organisation());
            String credit = strip(byline.credit());
            if (author == null && role == null && organisation == null && credit == null) {
                continue;
            }
            if (author == null) {
                errors.put("bylines", "Chaque signature doit indiquer le nom de l’auteur.");
            } else if (author.length() > MAX_NAME || lengthOver(role, MAX_ROLE) || lengthOver(organisation, MAX_NAME)) {
                errors.put("bylines", "Un nom, un rôle ou une organisation est trop long.");
            } else if (lengthOver(credit, MAX_CREDIT)) {
                errors.put("bylines", "Une mention sous le titre dépasse %d caractères.".formatted(MAX_CREDIT));
            } else if (!seen.add(author)) {
                errors.put("bylines", "« %s » signe deux fois.".formatted(author));
            }
            for (String value : new String[] {author, role, organisation, credit}) {
                oneLine(errors, "bylines", "Un nom, un rôle, une organisation ou une mention d’une signature", value);
            }
            bylines.add(new ArticleDraft.Byline(author, strip(byline.authorSlug()), role, organisation, credit));
        }
        if (bylines.isEmpty() && !errors.containsKey("bylines")) {
            errors.put("bylines", "Indiquez au moins un auteur.");
        }
        Set<String> themes = new LinkedHashSet<>();
        for (String theme : draft.themes()) {
            String name = strip(theme);
            if (name != null) {
                if (name.length() > MAX_NAME) {
                    errors.put("themes", "Le nom d’un thème dépasse %d caractères.".formatted(MAX_NAME));
                }
                oneLine(errors, "themes", "Le nom d’un thème", name);
                themes.add(name);
            }
        }
        Map<String, ArticleDraft.Mentioned> mentioned = new LinkedHashMap<>();
        for (ArticleDraft.Mentioned organisation : draft.organisations()) {
            String name = strip(organisation.name());
            if (name != null) {
                if (name.length() > MAX_NAME) {
                    errors.put("organisations", "Le nom d’une organisation dépasse %d caractères.".formatted(MAX_NAME));
                }
                oneLine(errors, "organisations", "Le nom d’une organisation", name);
                oneLine(errors, "organisations", "Le nom d’une organisation", strip(organisation.writtenAs()));
                mentioned.putIfAbsent(name, new ArticleDraft.Mentioned(name, strip(organisation.writtenAs())));
            }
        }
        String why = strip(reason);
        if (reasonRequired && why == null) {
            errors.put("reason", "Indiquez en quelques mots ce que vous corrigez : la raison sera publique.");
        } else if (why != null && why.length() > MAX_REASON) {
            errors.put("reason", "La raison dépasse %d caractères.".formatted(MAX_REASON));
        }
        if (!errors.isEmpty()) {
            throw new InvalidDraftException(errors);
        }
        ArticleDraft clean = new ArticleDraft(
                title,
                slug,
                standfirst,
                ArticleText.format(blocks),
                date.iso(),
                date.approximate(),
                note,
                publisher,
                url,
                bylines,
                List.copyOf(themes),
                List.copyOf(mentioned.values()));
        return new Checked(
                clean,
                slug,
                date,
                blocks,
                bylines,
                List.copyOf(themes),
                List.copyOf(mentioned.values()),
                why == null ? "Correction" : why);
    }

    /** Links the draft to its authors, themes and organisations, creating those it names for the first time. */
    private Resolved resolve(Checked checked) {
        List<Signature> signatures = new ArrayList<>();
        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        for (ArticleDraft.Byline byline : checked.bylines()) {
            AuthorRef author = authors.findOrCreate(byline.author(), byline.authorSlug());
            OrganisationRef organisation =
                    byline.organisation() == null ? null : organisations.findOrCreate(byline.organisation(), null);
            signatures.add(new Signature(
                    author.id(), byline.role(), organisation == null ? null : organisation.id(), byline.credit()));
            bylines.add(new ArticleDraft.Byline(
                    author.name(),
                    author.slug(),
                    byline.role(),
                    organisation == null ? null : organisation.name(),
                    byline.credit()));
        }
        List<TopicRef> themes = checked.themes().stream()
                .map(name -> topics.findOrCreate(name, null))
                .distinct()
                .sorted(Comparator.comparing(TopicRef::slug))
                .toList();
        Map<Long, Mention> mentions = new LinkedHashMap<>();
        List<ArticleDraft.Mentioned> mentioned = new ArrayList<>();
        checked.organisations().stream()
                .map(m -> Map.entry(organisations.findOrCreate(m.name(), null), m))
                .sorted(Comparator.comparing(e -> e.getKey().slug()))
                .forEach(e -> {
                    if (mentions.putIfAbsent(
                                    e.getKey().id(),
                                    new Mention(e.getKey().id(), e.getValue().writtenAs()))
                            == null) {
                        mentioned.add(new ArticleDraft.Mentioned(
                                e.getKey().name(), e.getValue().writtenAs()));
                    }
                });
        ArticleDraft draft = checked.draft();
        ArticleDraft resolved = new ArticleDraft(
                draft.title(),
                draft.slug(),
                draft.standfirst(),
                draft.text(),
                draft.date(),
                draft.dateApproximate(),
                draft.dateNote(),
                draft.originalPublisher(),
                draft.originalUrl(),
                bylines,
                themes.stream().map(TopicRef::name).toList(),
                mentioned);
        return new Resolved(
                checked,
                resolved,
                signatures,
                themes.stream().map(TopicRef::id).collect(Collectors.toCollection(LinkedHashSet::new)),
                new LinkedHashSet<>(mentions.values()));
    }

    private void apply(EditableArticle article, Resolved resolved, Instant now) {
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
    private void record(EditableArticle article, String before, String editor, String reason, Instant now) {
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
    private void changed(long id, Instant now) {
        ArchiveVersion.Scope scope = version.changedOnly(now);
        scope.add(PageDependencies.opEd(id));
        scope.addAll(listings.refresh(id, now));
        events.publishEvent(new ArticlesChanged(Set.of(id)));
    }

    /** The op-ed as the editor wrote it, with names for its links. */
    ArticleDraft toDraft(ArticleContent article) {
        Map<Long, AuthorRef> authorsById = byId(
                authors.findAllByIds(
                        article.signatures().stream().map(Signature::authorId).toList()),
                AuthorRef::id);
        Set<Long> organisationIds = new HashSet<>();
        article.signatures().stream()
                .map(Signature::organisationId)
                .filter(o -> o != null)
                .forEach(organisationIds::add);
        article.mentions().forEach(m -> organisationIds.add(m.organisationId()));
        Map<Long, OrganisationRef> organisationsById =
                byId(organisations.findAllByIds(organisationIds), OrganisationRef::id);
        List<ArticleDraft.Byline> bylines = article.signatures().stream()
                .map(s -> {
                    AuthorRef author = authorsById.get(s.authorId());
                    OrganisationRef organisation =
                            s.organisationId() == null ? null : organisationsById.get(s.organisationId());
                    return new ArticleDraft.Byline(
                            author.name(),
                            author.slug(),
                            s.role(),
                            organisation == null ? null : organisation.name(),
                            s.credit());
                })
                .toList();
        List<String> themes = topics.findAllByIds(article.topicIds()).stream()
                .sorted(Comparator.comparing(TopicRef::slug))
                .map(TopicRef::name)
                .toList();
        List<ArticleDraft.Mentioned> mentioned = article.mentions().stream()
                .map(m -> Map.entry(organisationsById.get(m.organisationId()), m))
                .sorted(Comparator.comparing(e -> e.getKey().slug()))
                .map(e -> new ArticleDraft.Mentioned(
                        e.getKey().name(), e.getValue().writtenAs()))
                .toList();
        PublicationDate date = article.publicationDate();
        return new ArticleDraft(
                article.title(),
                article.slug(),
                article.standfirst(),
                ArticleText.format(article.blocks()),
                date.iso(),
                date.approximate(),
                article.dateNote(),
                article.originalPublisher(),
                article.originalUrl(),
                bylines,
                themes,
                mentioned);
    }

    private String snapshot(ArticleContent article) {
        return snapshot(toDraft(article));
    }

    static String snapshot(ArticleDraft draft) {
        return RevisionFormat.write(draft);
    }

    private String freeSlug(String title, Long id) {
        String base = Slugs.of(title, MAX_SLUG - 4);
        if (base.isEmpty()) {
            return base;
        }
        String candidate = base;
        for (int n = 2;
                articles.findBySlug(candidate).filter(a -> !a.id().equals(id)).isPresent();
                n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static PublicationDate parseDate(String text, boolean approximate) {
        Matcher matcher = DATE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (year < 1) {
                return null;
            }
            if (matcher.group(2) == null) {
                return new PublicationDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, approximate);
            }
            int month = Integer.parseInt(matcher.group(2));
            if (matcher.group(3) == null) {
                return new PublicationDate(LocalDate.of(year, month, 1), DatePrecision.MONTH, approximate);
            }
            return new PublicationDate(
                    LocalDate.of(year, month, Integer.parseInt(matcher.group(3))), DatePrecision.DAY, approximate);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A field that holds on one line, refused if it breaks lines (the first error of a field is the one told). */
    private static void oneLine(Map<String, String> errors, String field, String what, String value) {
        if (TypedText.breaksLines(value) && !errors.containsKey(field)) {
            errors.put(field, what + " tient sur une ligne\u202f: retirez-en les retours à la ligne.");
        }
    }

    private static boolean lengthOver(String value, int max) {
        return value != null && value.length() > max;
    }

    /** Outer white space removed; null when nothing is left. */
    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }
}
