package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.article.ArticleRef;
import fr.tribunes.article.ArticleRefs;
import fr.tribunes.article.ArticleStatus;
import fr.tribunes.article.PublicationKind;
import fr.tribunes.article.Publishers;
import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.ArticleCard;
import fr.tribunes.organisation.OrganisationArticles;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.pagecache.PageDependencies;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads op-eds and turns them into the views pages show, so that no entity and no lazy collection reaches a
 * template. Also answers the theme, author and organisation features' questions about their op-eds.
 */
@Service
@Transactional(readOnly = true)
class ArticleCatalog
        implements TopicArticles, AuthorArticles, OrganisationArticles, ArticleCards, ArticleDocuments, ArticleRefs {

    /** The archive's time zone, for the day an op-ed entered it. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** How many related op-eds an op-ed page shows. */
    static final int RELATED = 4;

    /** A common reading speed for French prose. */
    static final int WORDS_PER_MINUTE = 230;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[’'\\-][\\p{L}\\p{N}]+)*");

    private final ArticleRepository articles;

    private final Authors authors;

    private final Topics topics;

    private final Organisations organisations;

    private final EditableArticleRepository editable;

    private final ArticleListings listings;

    private final Publishers publishers;

    ArticleCatalog(
            ArticleRepository articles,
            EditableArticleRepository editable,
            ArticleListings listings,
            Authors authors,
            Topics topics,
            Organisations organisations,
            Publishers publishers) {
        this.articles = articles;
        this.publishers = publishers;
        this.editable = editable;
        this.listings = listings;
        this.authors = authors;
        this.topics = topics;
        this.organisations = organisations;
    }

    /** How an op-ed, draft or not, will look when published. */
    Optional<ArticleView> preview(long id) {
        return editable.findById(id).map(this::toView);
    }

    /** The current slug of a published op-ed. */
    Optional<String> findSlugById(long id) {
        return articles.findById(id).map(Article::slug);
    }

    Optional<ArticleView> findBySlug(String slug) {
        return articles.findBySlug(slug).map(this::toView);
    }

    @Override
    public Optional<ArticleRef> findPublishedBySlug(String slug) {
        return articles.findBySlug(slug).map(a -> new ArticleRef(a.id(), a.slug(), a.title(), true));
    }

    @Override
    public Map<Long, ArticleRef> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return editable.findByIdIn(ids).stream()
                .collect(Collectors.toMap(
                        EditableArticle::id,
                        a -> new ArticleRef(a.id(), a.slug(), a.title(), a.status() == ArticleStatus.PUBLISHED)));
    }

    Page<ArticleCard> findLatest(Pageable pageable) {
        return cards(listed(List.of(ArticleListings.ListKey.ARCHIVE), pageable));
    }

    Page<ArticleCard> findPublishedIn(int year, Pageable pageable) {
        return cards(listed(List.of(new ArticleListings.ListKey(ArticleListings.Kind.YEAR, year)), pageable));
    }

    /** The years op-eds were published in, newest first, with how many each. */
    Map<Integer, Long> countByYear() {
        return listings.years();
    }

    /** The theme or author keys with the most op-eds, most first, with their counts. */
    Map<Long, Long> mostUsed(ArticleListings.Kind kind, int limit) {
        return listings.mostUsed(kind, limit);
    }

    /**
     * One page of the op-eds in every list given, newest first: read from the kept lists (an index range and a
     * kept count), then loaded by key, in that order.
     */
    private Page<Article> listed(List<ArticleListings.ListKey> lists, Pageable pageable) {
        lists.forEach(list -> PageDependencies.shows(list.shownAs()));
        ArticleListings.Slice slice = listings.slice(lists, pageable.getOffset(), pageable.getPageSize());
        return new PageImpl<>(inOrder(slice.ids()), pageable, slice.total());
    }

    /** The published op-eds with these keys, in the keys' order. */
    private List<Article> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> found = byId(articles.findByIdIn(ids), Article::id);
        return ids.stream().map(found::get).filter(a -> a != null).toList();
    }

    private static List<ArticleListings.ListKey> lists(Long authorId, Long topicId, Long organisationId, Integer year) {
        List<ArticleListings.ListKey> lists = new ArrayList<>();
        if (authorId != null) {
            lists.add(new ArticleListings.ListKey(ArticleListings.Kind.AUTHOR, authorId));
        }
        if (topicId != null) {
            lists.add(new ArticleListings.ListKey(ArticleListings.Kind.TOPIC, topicId));
        }
        if (organisationId != null) {
            lists.add(new ArticleListings.ListKey(ArticleListings.Kind.ORGANISATION, organisationId));
        }
        if (year != null) {
            lists.add(new ArticleListings.ListKey(ArticleListings.Kind.YEAR, year));
        }
        if (lists.isEmpty()) {
            lists.add(ArticleListings.ListKey.ARCHIVE);
        }
        return lists;
    }

    @Override
    public Map<Long, ArticleCard> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Article> found = articles.findByIdIn(ids);
        List<ArticleCard> cards = cards(found);
        Map<Long, ArticleCard> byId = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            byId.put(found.get(i).id(), cards.get(i));
        }
        return byId;
    }

    @Override
    public List<ArticleDocument> findLatest(Long authorId, Long topicId, int limit) {
        return documents(inOrder(listings.page(lists(authorId, topicId, null, null), 0, limit)));
    }

    @Override
    public Page<ArticleDocument> findMatching(
            Long authorId, Long topicId, Long organisationId, Integer year, Pageable pageable) {
        Page<Article> page = listed(lists(authorId, topicId, organisationId, year), pageable);
        return new PageImpl<>(documents(page.getContent()), page.getPageable(), page.getTotalElements());
    }

    @Override
    public List<ArticleDocument> findDocuments(List<Long> ids) {
        return documents(inOrder(ids));
    }

    @Override
    public Optional<ArticleDocument> findDocument(String slug) {
        return articles.findBySlug(slug)
                .map(article -> documents(List.of(article)).get(0));
    }

    /** Op-eds whole, with three more queries however many they are: authors, themes, organisations named. */
    private List<ArticleDocument> documents(List<Article> found) {
        found.forEach(article -> PageDependencies.shows(PageDependencies.opEd(article.id())));
        Set<Long> authorIds = new HashSet<>();
        Set<Long> topicIds = new HashSet<>();
        found.forEach(article -> {
            article.signatures().forEach(s -> authorIds.add(s.authorId()));
            topicIds.addAll(article.topicIds());
        });
        Map<Long, AuthorRef> authorsById = byId(authors.findAllByIds(authorIds), AuthorRef::id);
        Map<Long, TopicRef> topicsById = byId(topics.findAllByIds(topicIds), TopicRef::id);
        Set<Long> organisationIds = new HashSet<>();
        found.forEach(article -> article.mentions().forEach(m -> organisationIds.add(m.organisationId())));
        Map<Long, OrganisationRef> organisationsById =
                byId(organisations.findAllByIds(organisationIds), OrganisationRef::id);
        Map<String, PublicationKind> kinds = found.isEmpty() ? Map.of() : publishers.kinds();
        return found.stream()
                .map(article -> {
                    PublicationDate date = article.publicationDate();
                    return new ArticleDocument(
                            article.id(),
                            article.slug(),
                            article.title(),
                            article.standfirst(),
                            date.label(),
                            date.iso(),
                            date.approximate(),
                            bylines(article, authorsById),
                            blocks(article.blocks()),
                            article.topicIds().stream()
                                    .map(topicsById::get)
                                    .sorted(Comparator.comparing(TopicRef::slug))
                                    .map(t -> new ArticleDocument.Named(t.slug(), t.name()))
                                    .toList(),
                            article.mentions().stream()
                                    .map(m -> organisationsById.get(m.organisationId()))
                                    .sorted(Comparator.comparing(OrganisationRef::slug))
                                    .map(o -> new ArticleDocument.Named(o.slug(), o.name()))
                                    .toList(),
                            article.originalPublisher(),
                            article.originalUrl(),
                            article.addedAt(),
                            article.updatedAt(),
                            article.originalPublisher() == null ? null : kinds.get(article.originalPublisher()),
                            article.rights());
                })
                .toList();
    }

    @Override
    public List<Dated> findDated(long after, long upTo) {
        return listings.dated(after, upTo);
    }

    @Override
    public boolean anyPublished(long after, long upTo) {
        return listings.anyPublished(after, upTo);
    }

    @Override
    public long lastPublishedId() {
        return listings.lastPublishedId();
    }

    @Override
    public long count() {
        return listings.count(ArticleListings.ListKey.ARCHIVE);
    }

    @Override
    public Page<ArticleCard> findByTopic(long topicId, Pageable pageable) {
        return cards(listed(List.of(new ArticleListings.ListKey(ArticleListings.Kind.TOPIC, topicId)), pageable));
    }

    @Override
    public long countPublishedByTopic(long topicId) {
        return listings.count(new ArticleListings.ListKey(ArticleListings.Kind.TOPIC, topicId));
    }

    @Override
    public Map<Long, Long> countByTopic() {
        return listings.counts(ArticleListings.Kind.TOPIC);
    }

    @Override
    public Map<Long, Instant> lastChangeByYear() {
        return listings.lastChanges(ArticleListings.Kind.YEAR);
    }

    @Override
    public Map<Long, Instant> lastChangeByTopic() {
        return listings.lastChanges(ArticleListings.Kind.TOPIC);
    }

    @Override
    public Page<ArticleCard> findByAuthor(long authorId, Pageable pageable) {
        return cards(listed(List.of(new ArticleListings.ListKey(ArticleListings.Kind.AUTHOR, authorId)), pageable));
    }

    @Override
    public long countPublishedByAuthor(long authorId) {
        return listings.count(new ArticleListings.ListKey(ArticleListings.Kind.AUTHOR, authorId));
    }

    @Override
    public Map<Long, Long> countByAuthor() {
        return listings.counts(ArticleListings.Kind.AUTHOR);
    }

    @Override
    public Map<Long, Instant> lastChangeByAuthor() {
        return listings.lastChanges(ArticleListings.Kind.AUTHOR);
    }

    @Override
    public Page<ArticleCard> findByOrganisation(long organisationId, Pageable pageable) {
        return cards(listed(
                List.of(new ArticleListings.ListKey(ArticleListings.Kind.ORGANISATION, organisationId)), pageable));
    }

    @Override
    public long countPublishedByOrganisation(long organisationId) {
        return listings.count(new ArticleListings.ListKey(ArticleListings.Kind.ORGANISATION, organisationId));
    }

    @Override
    public Map<Long, Long> countByOrganisation() {
        return listings.counts(ArticleListings.Kind.ORGANISATION);
    }

    @Override
    public Map<Long, Instant> lastChangeByOrganisation() {
        return listings.lastChanges(ArticleListings.Kind.ORGANISATION);
    }

    private Page<ArticleCard> cards(Page<Article> page) {
        return new PageImpl<>(cards(page.getContent()), page.getPageable(), page.getTotalElements());
    }

    /** Maps op-eds to cards with two more queries, however many they are: bylines, then authors. */
    private List<ArticleCard> cards(List<Article> list) {
        list.forEach(article -> PageDependencies.shows(PageDependencies.opEd(article.id())));
        Set<Long> authorIds = new HashSet<>();
        list.forEach(article -> article.signatures().forEach(s -> authorIds.add(s.authorId())));
        Map<Long, AuthorRef> authorsById = byId(authors.findAllByIds(authorIds), AuthorRef::id);
        return list.stream()
                .map(article -> {
                    PublicationDate date = article.publicationDate();
                    List<ArticleCard.Byline> bylines = bylines(article, authorsById);
                    return new ArticleCard(
                            article.slug(),
                            article.title(),
                            article.standfirst(),
                            date.label(),
                            date.iso(),
                            date.approximate(),
                            bylines);
                })
                .toList();
    }

    /**
     * Op-eds sharing the most themes with this one, then the newest, among the newest of each of its themes
     * ({@link ArticleListings#related}); none when it has no theme.
     */
    private List<ArticleCard> related(ArticleContent article) {
        if (article.topicIds().isEmpty() || article.id() == null) {
            return List.of();
        }
        return cards(inOrder(listings.related(article.id(), article.topicIds(), RELATED)));
    }

    /** Minutes to read the standfirst and the text at {@value #WORDS_PER_MINUTE} words a minute, at least one. */
    static int readingMinutes(ArticleContent article) {
        long words = words(article.standfirst() == null ? "" : article.standfirst());
        for (ArticleBlock block : article.blocks()) {
            words += words(block.body());
        }
        return (int) Math.max(1, Math.round(words / (double) WORDS_PER_MINUTE));
    }

    private static long words(String text) {
        Matcher matcher = WORD.matcher(text);
        long words = 0;
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    ArticleView toView(ArticleContent article) {
        if (article.id() != null) {
            PageDependencies.shows(PageDependencies.opEd(article.id()));
        }
        Map<Long, AuthorRef> authorsById = byId(
                authors.findAllByIds(
                        article.signatures().stream().map(Signature::authorId).toList()),
                AuthorRef::id);
        Set<Long> organisationIds = new HashSet<>();
        article.mentions().forEach(m -> organisationIds.add(m.organisationId()));
        article.signatures().stream()
                .map(Signature::organisationId)
                .filter(id -> id != null)
                .forEach(organisationIds::add);
        Map<Long, OrganisationRef> organisationsById =
                byId(organisations.findAllByIds(organisationIds), OrganisationRef::id);

        List<ArticleView.BylineView> bylines = article.signatures().stream()
                .map(s -> byline(s, authorsById.get(s.authorId()), organisationsById.get(s.organisationId())))
                .toList();
        List<ArticleView.MentionView> mentions = article.mentions().stream()
                .map(m -> new ArticleView.MentionView(organisationsById.get(m.organisationId()), m.writtenAs()))
                .sorted(Comparator.comparing(m -> m.organisation().slug()))
                .toList();
        PublicationDate date = article.publicationDate();
        return new ArticleView(
                article.id(),
                article.slug(),
                article.title(),
                article.standfirst(),
                date.label(),
                date.iso(),
                date.approximate(),
                article.dateNote(),
                bylines,
                blocks(article.blocks()),
                topics.findAllByIds(article.topicIds()),
                mentions,
                article.originalPublisher(),
                article.originalUrl(),
                article.rights(),
                PublicationDate.dayLabel(LocalDate.ofInstant(article.addedAt(), ZONE)),
                readingMinutes(article),
                related(article));
    }

    /**
     * Splits the printed credit line around the organisation's name so that the name can be a link; without a
     * printed credit, builds one from the role and the organisation.
     */
    static ArticleView.BylineView byline(Signature signature, AuthorRef author, OrganisationRef organisation) {
        String credit = signature.credit();
        if (credit == null) {
            if (organisation == null) {
                return new ArticleView.BylineView(author, signature.role(), signature.role(), null, null);
            }
            String role = signature.role() == null ? null : signature.role() + ", ";
            return new ArticleView.BylineView(author, signature.role(), role, organisation, null);
        }
        int at = organisation == null ? -1 : credit.lastIndexOf(organisation.name());
        if (at < 0) {
            return new ArticleView.BylineView(author, signature.role(), credit, null, null);
        }
        return new ArticleView.BylineView(
                author,
                signature.role(),
                credit.substring(0, at),
                organisation,
                credit.substring(at + organisation.name().length()));
    }

    static List<ArticleDocument.Block> blocks(List<ArticleBlock> blocks) {
        List<ArticleDocument.Block> views = new ArrayList<>(blocks.size());
        int sections = 0;
        int paragraphs = 0;
        for (ArticleBlock block : blocks) {
            boolean heading = block.kind() == ArticleBlock.Kind.HEADING;
            String anchor = heading ? "s-" + ++sections : "p-" + ++paragraphs;
            views.add(new ArticleDocument.Block(heading, anchor, block.body()));
        }
        return views;
    }

    /** The op-ed's signatures as list bylines: name, slug, and the credit printed at the time. */
    private static List<ArticleCard.Byline> bylines(Article article, Map<Long, AuthorRef> authorsById) {
        return article.signatures().stream()
                .map(s -> {
                    AuthorRef author = authorsById.get(s.authorId());
                    return new ArticleCard.Byline(
                            author.name(), author.slug(), s.credit(), author.familyName(), author.givenNames());
                })
                .toList();
    }

    private static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
