package fr.tribunes.comment;

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

    record StatusCount(CommentStatus status, long count) {}
}
