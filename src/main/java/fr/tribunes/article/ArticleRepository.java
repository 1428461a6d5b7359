package fr.tribunes.article;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ArticleRepository extends Repository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    /** A query, so that the restriction to published op-eds applies. */
    @Query("select a from Article a where a.id = :id")
    Optional<Article> findById(long id);

    long count();

    @Query("select a from Article a order by a.publishedOn desc, a.id desc")
    Page<Article> findLatest(Pageable pageable);

    @Query(
            value =
                    "select a from Article a join a.topicIds t where t = :topicId order by a.publishedOn desc, a.id desc",
            countQuery = "select count(a) from Article a join a.topicIds t where t = :topicId")
    Page<Article> findByTopic(long topicId, Pageable pageable);

    @Query(
            value = "select a from Article a join a.signatures s where s.authorId = :authorId"
                    + " order by a.publishedOn desc, a.id desc",
            countQuery = "select count(a) from Article a join a.signatures s where s.authorId = :authorId")
    Page<Article> findByAuthor(long authorId, Pageable pageable);

    @Query(
            value = "select a from Article a join a.mentions m where m.organisationId = :organisationId"
                    + " order by a.publishedOn desc, a.id desc",
            countQuery = "select count(a) from Article a join a.mentions m where m.organisationId = :organisationId")
    Page<Article> findByOrganisation(long organisationId, Pageable pageable);

    @Query(
            value = "select a from Article a where a.publishedOn >= :from and a.publishedOn < :until"
                    + " order by a.publishedOn desc, a.id desc",
            countQuery = "select count(a) from Article a where a.publishedOn >= :from and a.publishedOn < :until")
    Page<Article> findPublishedBetween(LocalDate from, LocalDate until, Pageable pageable);

    List<Article> findByIdIn(Collection<Long> ids);

    /**
     * The newest op-eds matching every filter given (a null filter matches all). Filters are {@code exists}
     * subqueries, not joins, so that the newest-first index is read in order and nothing is multiplied by the
     * op-eds' signatures, themes and organisations (with joins, the unfiltered count joined four tables whole).
     */
    @Query(
            value = "select a from Article a where " + MATCHING + " order by a.publishedOn desc, a.id desc",
            countQuery = "select count(a) from Article a where " + MATCHING)
    Page<Article> findMatching(Long authorId, Long topicId, Long organisationId, Integer year, Pageable pageable);

    /** As {@link #findMatching}, without counting them all: for feeds. */
    @Query("select a from Article a where " + MATCHING + " order by a.publishedOn desc, a.id desc")
    List<Article> findNewestMatching(Long authorId, Long topicId, Long organisationId, Integer year, Pageable pageable);

    String MATCHING = "(:authorId is null or exists (select 1 from a.signatures s where s.authorId = :authorId))"
            + " and (:topicId is null or :topicId member of a.topicIds)"
            + " and (:organisationId is null"
            + " or exists (select 1 from a.mentions m where m.organisationId = :organisationId))"
            + " and (:year is null or extract(year from a.publishedOn) = :year)";

    @Query(
            value = "select new fr.tribunes.article.ArticleDocuments$Dated(a.slug, a.updatedAt) from Article a"
                    + " order by a.id",
            countQuery = "select count(a) from Article a")
    Page<ArticleDocuments.Dated> findAllDated(Pageable page);

    /** Other op-eds sharing themes with one, most shared themes first, then newest. */
    @Query("select a.id from Article a join a.topicIds t where t in :topicIds and a.id <> :articleId"
            + " group by a.id, a.publishedOn order by count(t) desc, a.publishedOn desc, a.id desc")
    List<Long> findRelatedIds(Collection<Long> topicIds, long articleId, Pageable limit);

    @Query(
            "select new fr.tribunes.article.KeyCount(t, count(a), max(a.updatedAt)) from Article a join a.topicIds t group by t")
    List<KeyCount> countByTopic();

    @Query(
            "select new fr.tribunes.article.KeyCount(s.authorId, count(a), max(a.updatedAt)) from Article a join a.signatures s"
                    + " group by s.authorId")
    List<KeyCount> countByAuthor();

    @Query(
            "select new fr.tribunes.article.KeyCount(m.organisationId, count(a), max(a.updatedAt)) from Article a join a.mentions m"
                    + " group by m.organisationId")
    List<KeyCount> countByOrganisation();

    @Query("select new fr.tribunes.article.KeyCount(extract(year from a.publishedOn), count(a),"
            + " max(a.updatedAt)) from Article a"
            + " group by extract(year from a.publishedOn) order by extract(year from a.publishedOn) desc")
    List<KeyCount> countByYear();
}
