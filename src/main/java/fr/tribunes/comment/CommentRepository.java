package fr.tribunes.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CommentRepository extends Repository<Comment, Long> {

    Comment save(Comment comment);

    void delete(Comment comment);

    List<Comment> findByIdIn(Collection<Long> ids);

    /** An op-ed's comments in one state, oldest first. */
    @Query("select c from Comment c where c.articleId = :articleId and c.status = :status"
            + " order by c.createdAt asc, c.id asc")
    List<Comment> findByArticle(long articleId, CommentStatus status);

    /** The moderation queue: comments in one state, of one op-ed or of all (null), in the order asked for. */
    @Query("select c from Comment c where c.status = :status and (:articleId is null or c.articleId = :articleId)")
    List<Comment> findQueue(CommentStatus status, Long articleId, Pageable page);

    /** How many comments each state holds, for one op-ed or for all (null). */
    @Query("select new fr.tribunes.comment.CommentRepository$StatusCount(c.status, count(c)) from Comment c"
            + " where (:articleId is null or c.articleId = :articleId) group by c.status")
    List<StatusCount> countByStatus(Long articleId);

    List<Comment> findByEmailNormalised(String emailNormalised);

    /** How many comments of one op-ed are in one state. */
    long countByArticleIdAndStatus(long articleId, CommentStatus status);

    /**
     * Op-eds holding at least {@code least} comments in one state, of one op-ed or of all (null), most first: how many,
     * from how many addresses, the first and last sent, and the last one's key.
     */
    @Query(
            "select new fr.tribunes.comment.CommentRepository$Burst(c.articleId, count(c), count(distinct c.remoteAddress),"
                    + " min(c.createdAt), max(c.createdAt), max(c.id)) from Comment c"
                    + " where c.status = :status and (:articleId is null or c.articleId = :articleId)"
                    + " group by c.articleId having count(c) >= :least order by count(c) desc, c.articleId asc")
    List<Burst> findBursts(CommentStatus status, Long articleId, long least, Pageable page);

    /** An op-ed's comments in one state, up to a key. */
    List<Comment> findByArticleIdAndStatusAndIdLessThanEqual(long articleId, CommentStatus status, long lastId);

    record StatusCount(CommentStatus status, long count) {}

    record Burst(long articleId, long count, long addresses, Instant first, Instant last, long lastId) {}
}
