package fr.tribunes.comment;

import fr.tribunes.article.ArticleRef;
import fr.tribunes.article.ArticleRefs;
import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.PageDependencies;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do with comments: read the queue, approve, mark as unwanted, delete, close and reopen an op-ed's
 * comments, and delete everything sent with an e-mail address. Whatever changes what readers see (a comment
 * approved, or no longer approved; the form closed or reopened) moves the archive's version in the same
 * transaction, so that pages' {@code Last-Modified} moves with it.
 */
@Service
@Transactional
class CommentModeration {

    /** How many comments a page of the queue shows. */
    static final int QUEUE_SIZE = 200;

    private final CommentRepository comments;

    private final CommentClosures closures;

    private final ArticleRefs articles;

    private final ArchiveVersion version;

    private final Clock clock;

    CommentModeration(
            CommentRepository comments,
            CommentClosures closures,
            ArticleRefs articles,
            ArchiveVersion version,
            Clock clock) {
        this.comments = comments;
        this.closures = closures;
        this.articles = articles;
        this.version = version;
        this.clock = clock;
    }

    /** What an editor does to the comments they ticked. */
    enum Action {
        APPROVE,
        SPAM,
        DELETE
    }

    /**
     * A comment as editors see it, e-mail and remote address included.
     *
     * @param article the op-ed it was sent on
     * @param date when it was sent, in French, Paris time
     * @param suspected whether it carries more links than an ordinary comment
     * @param paragraphs its text, in paragraphs, shown as plain text (no link is followed from the queue)
     */
    record ModeratedComment(
            long id,
            ArticleRef article,
            CommentStatus status,
            String authorName,
            String email,
            String website,
            String date,
            String isoDate,
            String remoteAddress,
            boolean suspected,
            List<String> paragraphs,
            String moderatedBy) {}

    /** The queue of one state, for one op-ed or for all (null): likely spam first, then oldest first when pending. */
    @Transactional(readOnly = true)
    List<ModeratedComment> queue(CommentStatus status, Long articleId) {
        Sort order = status == CommentStatus.PENDING
                ? Sort.by(Sort.Order.desc("suspected"), Sort.Order.asc("createdAt"), Sort.Order.asc("id"))
                : Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        List<Comment> found = comments.findQueue(status, articleId, PageRequest.of(0, QUEUE_SIZE, order));
        Map<Long, ArticleRef> titles =
                articles.findAllByIds(found.stream().map(Comment::articleId).collect(Collectors.toSet()));
        return found.stream()
                .map(c -> new ModeratedComment(
                        c.id(),
                        titles.get(c.articleId()),
                        c.status(),
                        c.authorName(),
                        c.email(),
                        c.website(),
                        Comments.date(c.createdAt()),
                        Comments.isoDate(c.createdAt()),
                        c.remoteAddress(),
                        c.suspected(),
                        CommentText.paragraphs(c.body()).stream()
                                .map(p ->
                                        p.segments().stream().map(s -> s.text()).collect(Collectors.joining()))
                                .toList(),
                        c.moderatedBy()))
                .toList();
    }

    /**
     * How many comments waiting on one op-ed make a flood: more than a conversation brings between two visits of a
     * moderator, fewer than the most one op-ed may hold waiting ({@code max-pending-per-article}, 50 by default).
     */
    static final int FLOOD = 10;

    /** How many floods the queue shows at once. */
    static final int FLOODS_SHOWN = 20;

    /**
     * Many comments waiting on one op-ed, shown to editors as one thing to deal with.
     *
     * @param addresses from how many remote addresses they were sent
     * @param lastId the key of the last one shown: what is dealt with at once stops there, so that comments
     *     arriving after the editor looked are not deleted unseen
     */
    record Flood(ArticleRef article, long count, long addresses, String from, String to, long lastId) {}

    /** The op-eds with at least {@link #FLOOD} comments waiting, of one op-ed or of all (null), most first. */
    @Transactional(readOnly = true)
    List<Flood> floods(Long articleId) {
        List<CommentRepository.Burst> bursts =
                comments.findBursts(CommentStatus.PENDING, articleId, FLOOD, PageRequest.of(0, FLOODS_SHOWN));
        Map<Long, ArticleRef> titles = articles.findAllByIds(
                bursts.stream().map(CommentRepository.Burst::articleId).collect(Collectors.toSet()));
        return bursts.stream()
                .filter(b -> titles.containsKey(b.articleId()))
                .map(b -> new Flood(
                        titles.get(b.articleId()),
                        b.count(),
                        b.addresses(),
                        Comments.date(b.first()),
                        Comments.date(b.last()),
                        b.lastId()))
                .toList();
    }

    /** Does it to the comments waiting on an op-ed, up to the one shown last; answers how many there were. */
    int applyToFlood(Action action, long articleId, long lastId, String editor) {
        List<Long> ids =
                comments.findByArticleIdAndStatusAndIdLessThanEqual(articleId, CommentStatus.PENDING, lastId).stream()
                        .map(Comment::id)
                        .toList();
        return ids.isEmpty() ? 0 : apply(action, ids, editor);
    }

    /** How many comments each state holds, for one op-ed or for all (null); every state present. */
    @Transactional(readOnly = true)
    Map<CommentStatus, Long> counts(Long articleId) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        comments.countByStatus(articleId).forEach(c -> counts.put(c.status(), c.count()));
        return counts;
    }

    /** Does it to these comments; answers how many there were. */
    int apply(Action action, Collection<Long> ids, String editor) {
        List<Comment> found = comments.findByIdIn(ids);
        Instant now = clock.instant();
        boolean publicChange = false;
        Set<Long> shownUnder = new HashSet<>();
        for (Comment comment : found) {
            boolean wasShown = comment.status() == CommentStatus.APPROVED;
            shownUnder.add(comment.articleId());
            switch (action) {
                case APPROVE -> {
                    comment.moderate(CommentStatus.APPROVED, editor, now);
                    publicChange |= !wasShown;
                }
                case SPAM -> {
                    comment.moderate(CommentStatus.SPAM, editor, now);
                    publicChange |= wasShown;
                }
                case DELETE -> {
                    comments.delete(comment);
                    publicChange |= wasShown;
                }
            }
        }
        if (publicChange) {
            changed(now, shownUnder);
        }
        return found.size();
    }

    /** Comments are shown on their op-ed's page only: the pages of the others stay as they are. */
    private void changed(Instant now, Collection<Long> articleIds) {
        ArchiveVersion.Scope scope = version.changedOnly(now);
        articleIds.forEach(id -> scope.add(PageDependencies.opEd(id)));
    }

    /** Deletes every comment sent with this address, however it was capitalised; answers how many. */
    int deleteAllFrom(String email) {
        List<Comment> found = comments.findByEmailNormalised(Comment.normalise(email));
        boolean publicChange = false;
        Set<Long> shownUnder = new HashSet<>();
        for (Comment comment : found) {
            publicChange |= comment.status() == CommentStatus.APPROVED;
            shownUnder.add(comment.articleId());
            comments.delete(comment);
        }
        if (publicChange) {
            changed(clock.instant(), shownUnder);
        }
        return found.size();
    }

    @Transactional(readOnly = true)
    boolean isClosed(long articleId) {
        return closures.isClosed(articleId);
    }

    /** Closes an op-ed's comments: its form disappears, its approved comments stay. False if they were closed. */
    boolean close(long articleId, String editor) {
        Instant now = clock.instant();
        boolean closed = closures.close(articleId, editor, now);
        if (closed) {
            changed(now, List.of(articleId));
        }
        return closed;
    }

    /** Opens them again. False if they were open. */
    boolean reopen(long articleId) {
        boolean reopened = closures.reopen(articleId);
        if (reopened) {
            changed(clock.instant(), List.of(articleId));
        }
        return reopened;
    }

    /** The op-eds whose comments are closed, most recently closed first. */
    @Transactional(readOnly = true)
    List<ArticleRef> closedArticles() {
        List<Long> ids = closures.closedArticleIds();
        Map<Long, ArticleRef> found = articles.findAllByIds(ids);
        return ids.stream().map(found::get).filter(a -> a != null).toList();
    }

    /** An op-ed by key, drafts included. */
    @Transactional(readOnly = true)
    Optional<ArticleRef> article(long id) {
        return Optional.ofNullable(articles.findAllByIds(Set.of(id)).get(id));
    }

    /** A published op-ed by its address. */
    @Transactional(readOnly = true)
    Optional<ArticleRef> publishedArticle(String slug) {
        return articles.findPublishedBySlug(slug);
    }
}
