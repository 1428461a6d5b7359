package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.SyntheticArticles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Comments in the database, on the real Flyway migrations (H2 here; see the PostgreSQL subclass). On H2, a pooled
 * database of its own rather than the test default: H2 2.4.240 fails to evaluate the {@code in (…)} check
 * constraints of V1 (on {@code article}, which these tests insert into) once the connection that created them,
 * Flyway's, is closed, and the test default's unpooled data source closes it (h2database issue 4302).
 */
@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:comment-repository;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CommentRepositoryTests {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    CommentRepository comments;

    @Autowired
    JdbcTemplate jdbc;

    long articleId;

    long otherArticleId;

    @BeforeEach
    void twoSyntheticOpEds() {
        SyntheticArticles synthetic = new SyntheticArticles(jdbc);
        articleId = id(synthetic.add(901, LocalDate.of(2024, 1, 1)));
        otherArticleId = id(synthetic.add(902, LocalDate.of(2024, 1, 2)));
    }

    private long id(String slug) {
        return jdbc.queryForObject("select id from article where slug = ?", Long.class, slug);
    }

    private Comment save(long article, String email, int minutes, boolean suspected) {
        return comments.save(new Comment(
                article,
                "Personne synthétique (test)",
                email,
                null,
                "Commentaire synthétique (test).",
                T0.plusSeconds(60L * minutes),
                "192.0.2.1",
                suspected));
    }

    @Test
    void anOpEdsApprovedCommentsComeOldestFirst() {
        Comment late = save(articleId, "a@exemple.test", 5, false);
        Comment early = save(articleId, "b@exemple.test", 1, false);
        Comment pending = save(articleId, "c@exemple.test", 0, false);
        Comment elsewhere = save(otherArticleId, "d@exemple.test", 0, false);
        for (Comment c : List.of(late, early, elsewhere)) {
            c.moderate(CommentStatus.APPROVED, "test", T0);
        }
        comments.save(late);
        comments.save(early);
        comments.save(elsewhere);

        assertThat(comments.findByArticle(articleId, CommentStatus.APPROVED))
                .extracting(Comment::id)
                .containsExactly(early.id(), late.id());
        assertThat(comments.findByArticle(articleId, CommentStatus.PENDING))
                .extracting(Comment::id)
                .containsExactly(pending.id());
    }

    @Test
    void theQueueFiltersByStateAndOpEdAndCountsEachState() {
        Comment ordinary = save(articleId, "a@exemple.test", 1, false);
        Comment suspected = save(articleId, "b@exemple.test", 2, true);
        Comment other = save(otherArticleId, "c@exemple.test", 0, false);
        Sort likelySpamFirst = Sort.by(Sort.Order.desc("suspected"), Sort.Order.asc("createdAt"));

        assertThat(comments.findQueue(CommentStatus.PENDING, articleId, PageRequest.of(0, 10, likelySpamFirst)))
                .extracting(Comment::id)
                .containsExactly(suspected.id(), ordinary.id());
        assertThat(comments.findQueue(CommentStatus.PENDING, null, PageRequest.of(0, 10, likelySpamFirst)))
                .extracting(Comment::id)
                .contains(other.id(), suspected.id(), ordinary.id());
        assertThat(comments.countByStatus(articleId))
                .containsExactly(new CommentRepository.StatusCount(CommentStatus.PENDING, 2));
    }

    @Test
    void anAddressIsFoundWhateverItsCase() {
        save(articleId, "Lectrice.Test@Exemple.TEST", 0, false);
        save(otherArticleId, "lectrice.test@exemple.test", 0, false);
        save(otherArticleId, "autre@exemple.test", 0, false);

        assertThat(comments.findByEmailNormalised(Comment.normalise(" LECTRICE.test@exemple.test ")))
                .hasSize(2)
                .extracting(Comment::email)
                .containsExactlyInAnyOrder("Lectrice.Test@Exemple.TEST", "lectrice.test@exemple.test");
    }

    @Test
    void anOpEdsCommentsAndClosureGoWithItAndOnlyKnownStatesAreStored() {
        Comment comment = save(articleId, "a@exemple.test", 0, false);
        jdbc.update(
                "insert into comment_closed (article_id, closed_at, closed_by) values (?, current_timestamp, 'test')",
                articleId);

        jdbc.update("delete from article where id = ?", articleId);

        assertThat(jdbc.queryForObject("select count(*) from comment where id = ?", Long.class, comment.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment_closed", Long.class))
                .isZero();
        assertThatThrownBy(() -> jdbc.update(
                        "insert into comment (article_id, status, author_name, email, email_normalised, body,"
                                + " created_at) values (?, 'OTHER', 'x', 'x@exemple.test', 'x@exemple.test', 'x',"
                                + " current_timestamp)",
                        otherArticleId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theFormsSecretIsGeneratedOnceAndThenKept() {
        String first = FormTokens.storedSecret(jdbc);
        String second = FormTokens.storedSecret(jdbc);

        assertThat(first)
                .hasSizeGreaterThanOrEqualTo(CommentSettings.MIN_SECRET_LENGTH)
                .isEqualTo(second);
        assertThat(jdbc.queryForObject("select count(*) from comment_secret", Long.class))
                .isOne();
    }
}
