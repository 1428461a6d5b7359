package fr.tribunes.facet;

import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.PageDependencies;
import fr.tribunes.typography.Slugs;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up and edits one kind of facet (themes, authors or organisations) for the other features, as view
 * records. Lists come in the order of slugs, which ignore accents and case and so sort the same on every
 * database. A renamed facet keeps answering at its former address ({@link FormerSlugs}).
 */
@Transactional(readOnly = true)
public abstract class FacetDirectory<E extends FacetEntity, R extends Facet> {

    /** The longest slug a facet may have. */
    public static final int MAX_SLUG = 200;

    /** The longest name a facet may have (the themes' column; the others allow more). */
    public static final int MAX_NAME = 200;

    /** The longest description. */
    public static final int MAX_DESCRIPTION = 4000;

    private final FacetRepository<E> repository;

    private final Function<E, R> toRef;

    private final BiFunction<String, String, E> create;

    private final FormerSlugs.Kind kind;

    private final FormerSlugs formerSlugs;

    private final ArchiveVersion version;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    protected FacetDirectory(
            FacetRepository<E> repository,
            Function<E, R> toRef,
            BiFunction<String, String, E> create,
            FormerSlugs.Kind kind,
            FacetServices services) {
        this.repository = repository;
        this.toRef = toRef;
        this.create = create;
        this.kind = kind;
        this.formerSlugs = services.formerSlugs();
        this.version = services.version();
        this.events = services.events();
        this.clock = services.clock();
    }

    /** What every facet directory needs to record changes. */
    public record FacetServices(
            FormerSlugs formerSlugs, ArchiveVersion version, ApplicationEventPublisher events, Clock clock) {}

    /** A facet as editors see it: the record and its description. */
    public record Details<R>(R facet, String description) {}

    public Optional<R> findById(long id) {
        shown(id);
        return repository.findById(id).map(toRef);
    }

    public Optional<Details<R>> findDetails(long id) {
        shown(id);
        return repository.findById(id).map(e -> new Details<>(toRef.apply(e), e.description()));
    }

    /** The description shown on the facet's page, if it has one. */
    public Optional<String> descriptionOf(long id) {
        shown(id);
        return repository.findById(id).map(FacetEntity::description).filter(d -> !d.isBlank());
    }

    /** What a page rendering this facet's name, address or description shows ({@link PageDependencies}). */
    private void shown(long id) {
        PageDependencies.shows(PageDependencies.facet(kind.name(), id));
    }

    /** Where a former slug now leads, if it named one of these facets. */
    public Optional<R> findByFormerSlug(String slug) {
        return formerSlugs.target(kind, slug).flatMap(this::findById);
    }

    /** The facet with exactly this name (the oldest if several), or a new one with a slug made from it. */
    @Transactional
    public R findOrCreate(String name, String slug) {
        if (slug != null && !slug.isBlank()) {
            Optional<E> bySlug = repository.findBySlug(slug);
            if (bySlug.isPresent()) {
                return toRef.apply(bySlug.get());
            }
            return create(name, slug);
        }
        List<E> byName = repository.findByNameOrderById(name);
        if (!byName.isEmpty()) {
            return toRef.apply(byName.get(0));
        }
        return create(name, null);
    }

    /**
     * Creates a facet; with no slug, one is made from the name, numbered if already taken.
     *
     * @throws IllegalArgumentException if the slug given is taken or malformed
     */
    @Transactional
    public R create(String name, String slug) {
        String chosen = slug == null || slug.isBlank() ? freeSlug(name) : slug;
        if (!Slugs.isValid(chosen) || repository.existsBySlug(chosen)) {
            throw new IllegalArgumentException("Slug taken or malformed: " + chosen);
        }
        E facet = repository.save(create.apply(chosen, name));
        formerSlugs.taken(kind, chosen);
        version.changed(clock.instant());
        return toRef.apply(facet);
    }

    /**
     * Renames and describes a facet; a changed slug keeps the old one answering with a redirect.
     *
     * @throws IllegalArgumentException if the new slug is taken by another facet or malformed
     */
    @Transactional
    public R update(long id, String name, String slug, String description) {
        E facet = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("No facet " + id));
        String before = facet.slug();
        if (!before.equals(slug)) {
            if (!Slugs.isValid(slug) || repository.existsBySlug(slug)) {
                throw new IllegalArgumentException("Slug taken or malformed: " + slug);
            }
            formerSlugs.moved(kind, id, before, slug);
        }
        boolean renamed = !before.equals(slug) || !facet.name().equals(name);
        facet.rename(slug, name);
        facet.describe(description == null || description.isBlank() ? null : description);
        repository.save(facet);
        version.changedOnly(clock.instant()).add(PageDependencies.facet(kind.name(), id));
        if (renamed) {
            events.publishEvent(new FacetChanged(kind, id));
        }
        return toRef.apply(facet);
    }

    /**
     * Changes what one kind of facet has of its own (an author's name parts); pages that show the facet are
     * rendered again, as after {@link #update}.
     */
    @Transactional
    protected R change(long id, java.util.function.Consumer<E> change) {
        E facet = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("No facet " + id));
        change.accept(facet);
        repository.save(facet);
        version.changedOnly(clock.instant()).add(PageDependencies.facet(kind.name(), id));
        // How the name is written out changes (citations, Dublin Core): what shows it follows, as after a rename.
        events.publishEvent(new FacetChanged(kind, id));
        return toRef.apply(facet);
    }

    /** Whether a slug is free for a facet of this kind. */
    public boolean isFree(String slug) {
        return !repository.existsBySlug(slug);
    }

    /** A slug made from the name, numbered ({@code -2}, {@code -3}...) if already taken. */
    public String freeSlug(String name) {
        String base = Slugs.of(name, MAX_SLUG - 4);
        if (base.isEmpty()) {
            base = kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        String candidate = base;
        for (int n = 2; repository.existsBySlug(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The facets with these keys. */
    public List<R> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ids.forEach(this::shown);
        return repository.findByIdIn(ids).stream()
                .map(toRef)
                .sorted(Comparator.comparing(Facet::slug))
                .toList();
    }

    public Optional<R> findBySlug(String slug) {
        Optional<R> found = repository.findBySlug(slug).map(toRef);
        found.ifPresent(facet -> shown(facet.id()));
        return found;
    }

    public List<R> findAll() {
        return repository.findAllByOrderBySlug().stream().map(toRef).toList();
    }
}
