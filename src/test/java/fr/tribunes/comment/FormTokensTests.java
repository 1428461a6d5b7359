package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The comment form's signed token: what passes, what is too soon, too old or forged. */
class FormTokensTests {

    static final String SECRET = "un secret de test assez long pour signer les formulaires";

    static final Instant SHOWN = Instant.parse("2026-03-02T09:00:00Z");

    final FormTokens tokens = new FormTokens(settings(SECRET), null);

    static CommentSettings settings(String secret) {
        return new CommentSettings(
                secret, Duration.ofSeconds(3), Duration.ofDays(7), 5, Duration.ofMinutes(10), 2, 10, 50);
    }

    @Test
    void aTokenPassesForItsOpEdBetweenTheDelayAndItsAge() {
        String token = tokens.issue("tribune-a", SHOWN);

        assertThat(tokens.check(token, "tribune-a", SHOWN.plusSeconds(2))).isEqualTo(FormTokens.Verdict.TOO_SOON);
        assertThat(tokens.check(token, "tribune-a", SHOWN.plusSeconds(3))).isEqualTo(FormTokens.Verdict.VALID);
        assertThat(tokens.check(token, "tribune-a", SHOWN.plus(Duration.ofDays(7))))
                .isEqualTo(FormTokens.Verdict.VALID);
        assertThat(tokens.check(
                        token, "tribune-a", SHOWN.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isEqualTo(FormTokens.Verdict.EXPIRED);
    }

    @Test
    void anyChangeOrAnotherKeyMakesItForged() {
        String token = tokens.issue("tribune-a", SHOWN);
        Instant later = SHOWN.plusSeconds(30);
        String signature = token.substring(token.indexOf('.'));

        assertThat(tokens.check(token, "tribune-b", later)).isEqualTo(FormTokens.Verdict.FORGED);
        assertThat(tokens.check((SHOWN.getEpochSecond() - 100) + signature, "tribune-a", later))
                .isEqualTo(FormTokens.Verdict.FORGED);
        assertThat(tokens.check(null, "tribune-a", later)).isEqualTo(FormTokens.Verdict.FORGED);
        assertThat(tokens.check("pas un jeton", "tribune-a", later)).isEqualTo(FormTokens.Verdict.FORGED);
        FormTokens otherKey = new FormTokens(settings(SECRET + " mais un autre"), null);
        assertThat(otherKey.check(token, "tribune-a", later)).isEqualTo(FormTokens.Verdict.FORGED);
        // Signed far in the future: not by this site's clock.
        assertThat(tokens.check(tokens.issue("tribune-a", SHOWN.plus(Duration.ofHours(1))), "tribune-a", later))
                .isEqualTo(FormTokens.Verdict.FORGED);
    }

    @Test
    void aConfiguredSecretMustBeLong() {
        assertThatThrownBy(() -> settings("court")).hasMessageContaining("at least 32 characters");
        assertThat(settings("  ").secret()).isNull();
    }

    @Test
    void aKeptPagesTokenIsRenewedOnlyForItsOwnOpEd() {
        String kept = tokens.issue("tribune-a", SHOWN);
        Instant later = SHOWN.plusSeconds(600);

        String renewed = tokens.renew("/tribunes/tribune-a", kept, later);
        assertThat(renewed).isEqualTo(tokens.issue("tribune-a", later));
        assertThat(tokens.check(renewed, "tribune-a", later.plusSeconds(3))).isEqualTo(FormTokens.Verdict.VALID);
        assertThat(tokens.check(renewed, "tribune-a", later.plusSeconds(2))).isEqualTo(FormTokens.Verdict.TOO_SOON);
        assertThat(tokens.renew("/tribunes/tribune-a", kept, later.plusSeconds(1)))
                .isEqualTo(tokens.issue("tribune-a", later.plusSeconds(1)));

        assertThat(tokens.renew("/tribunes/tribune-b", kept, later))
                .as("another op-ed's")
                .isEqualTo(kept);
        assertThat(tokens.renew("/tribunes/tribune-a/historique", kept, later)).isEqualTo(kept);
        assertThat(tokens.renew("/tribunes/tribune-a", "pas un jeton", later)).isEqualTo("pas un jeton");
    }
}
