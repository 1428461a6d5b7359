package fr.tribunes.search.internal;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.author.AuthorArticles;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.ArticleCard;
import fr.tribunes.facet.Facet;
import fr.tribunes.topic.TopicArticles;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.Pagination;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs a search against the index and turns the hits into a page of results with facets. */
@Service
@Transactional(readOnly = true)
class ArchiveSearch {

    static final int PAGE_SIZE = 20;

    /** Markers around matched words in highlights; no op-ed's text contains these control characters. */
    static final char MATCH_START = '\u0002';

    static final char MATCH_END = '\u0003';

    private static final AggregationKey<Map<Long, Long>> TOPICS = AggregationKey.of("topics");

    private static final AggregationKey<Map<Long, Long>> AUTHORS = AggregationKey.of("authors");

    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

    private final EntityManager entityManager;

    private final ArticleCards articles;

    private final Topics topics;

    private final Authors authors;

    private final TopicArticles topicArticles;

    private final AuthorArticles authorArticles;

    ArchiveSearch(
            EntityManager entityManager,
            ArticleCards articles,
            Topics topics,
            Authors authors,
            TopicArticles topicArticles,
            AuthorArticles authorArticles) {
        this.topicArticles = topicArticles;
        this.authorArticles = authorArticles;
        this.entityManager = entityManager;
        this.articles = articles;
        this.topics = topics;
        this.authors = authors;
    }

    SearchPage search(SearchRequest request) {
        TopicRef topic = request.topic() == null
                ? null
                : topicArticles
                        .ifPublishedTopic(topics.findBySlug(request.topic()))
                        .orElseThrow(() -> new BadRequestException(
                                "Aucun thème n’a l’adresse « %s ».".formatted(request.topic())));
        AuthorRef author = request.author() == null
                ? null
                : authorArticles
                        .ifPublishedAuthor(authors.findBySlug(request.author()))
                        .orElseThrow(() -> new BadRequestException(
                                "Aucun auteur n’a l’adresse « %s ».".formatted(request.author())));
        Pageable pageable = request.page().pageable(PAGE_SIZE);

        SearchResult<List<?>> result = Search.session(entityManager)
                .search(IndexedArticle.class)
                .select(f -> f.composite(
                        f.id(Long.class), f.highlight("body"), f.highlight("standfirst"), f.highlight("title")))
                .where((f, root) -> {
                    if (request.query().isEmpty()) {
                        root.add(f.matchAll());
                    } else {
                        root.add(f.simpleQueryString()
                                .field("title")
                                .boost(3f)
                                .field("standfirst")
                                .boost(1.5f)
                                .fields("body", "authors.name", "topics.name", "organisations.name")
                                .matching(request.query())
                                .defaultOperator(BooleanOperator.AND));
                    }
                    if (topic != null) {
                        root.add(f.match().field("topics.key").matching(topic.id()));
                    }
                    if (author != null) {
                        root.add(f.match().field("authors.key").matching(author.id()));
                    }
                    if (request.year() != null) {
                        root.add(f.match().field("year").matching(request.year()));
                    }
                })
                .highlighter(h -> h.unified()
                        .tag(String.valueOf(MATCH_START), String.valueOf(MATCH_END))
                        .encoder(HighlighterEncoder.DEFAULT)
                        .numberOfFragments(1))
                .sort(f -> request.byDate()
                        ? f.field("publishedOn").desc().then().score()
                        : f.score().then().field("publishedOn").desc())
                .aggregation(
                        TOPICS, f -> f.terms().field("topics.key", Long.class).maxTermCount(30))
                .aggregation(
                        AUTHORS, f -> f.terms().field("authors.key", Long.class).maxTermCount(30))
                .aggregation(YEARS, f -> f.terms().field("year", Integer.class).maxTermCount(100))
                .fetch((int) pageable.getOffset(), pageable.getPageSize());

        List<Long> ids = result.hits().stream().map(hit -> (Long) hit.get(0)).toList();
        Map<Long, ArticleCard> cards = articles.findByIds(ids);
        List<SearchPage.Result> results = new ArrayList<>();
        for (List<?> hit : result.hits()) {
            ArticleCard card = cards.get((Long) hit.get(0));
            if (card != null) {
                results.add(new SearchPage.Result(card, snippet(hit, card)));
            }
        }
        long total = result.total().hitCount();
        Pagination<SearchPage.Result> page = Pagination.of(new PageImpl<>(results, pageable, total), request.page());

        return new SearchPage(
                request,
                page,
                options(result.aggregation(TOPICS), topics::findAllByIds, topic, request::withTopic),
                options(result.aggregation(AUTHORS), authors::findAllByIds, author, request::withAuthor),
                years(result.aggregation(YEARS), request),
                request.sortedByDate(false).url(),
                request.sortedByDate(true).url(),
                request.url());
    }

    /** The first highlighted passage of the body, standfirst or title; else the start of the standfirst. */
    @SuppressWarnings("unchecked")
    private static List<SearchPage.Segment> snippet(List<?> hit, ArticleCard card) {
        for (int field = 1; field <= 3; field++) {
            List<String> fragments = (List<String>) hit.get(field);
            if (!fragments.isEmpty()) {
                return SearchPage.Segment.split(fragments.get(0), MATCH_START, MATCH_END);
            }
        }
        String standfirst = card.standfirst() == null ? "" : card.standfirst();
        return List.of(new SearchPage.Segment(standfirst, false));
    }

    private static <F extends Facet> List<SearchPage.FacetOption> options(
            Map<Long, Long> counts,
            Function<List<Long>, List<F>> lookup,
            F active,
            Function<String, SearchRequest> narrowedTo) {
        Map<Long, F> facets = lookup.apply(new ArrayList<>(counts.keySet())).stream()
                .collect(Collectors.toMap(Facet::id, Function.identity()));
        return counts.entrySet().stream()
                .filter(entry -> facets.containsKey(entry.getKey()))
                .sorted(Map.Entry.<Long, Long>comparingByValue()
                        .reversed()
                        .thenComparing(entry -> facets.get(entry.getKey()).slug()))
                .map(entry -> {
                    F facet = facets.get(entry.getKey());
                    boolean isActive = active != null && active.id() == facet.id();
                    String url =
                            narrowedTo.apply(isActive ? null : facet.slug()).url();
                    return new SearchPage.FacetOption(facet.name(), entry.getValue(), url, isActive);
                })
                .toList();
    }

    private static List<SearchPage.FacetOption> years(Map<Integer, Long> counts, SearchRequest request) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByKey(Comparator.reverseOrder()))
                .map(entry -> {
                    boolean isActive = entry.getKey().equals(request.year());
                    String url =
                            request.withYear(isActive ? null : entry.getKey()).url();
                    return new SearchPage.FacetOption(String.valueOf(entry.getKey()), entry.getValue(), url, isActive);
                })
                .toList();
    }
}
