package fr.tribunes.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.article.ArticleDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every revision ever written stays readable. {@code revisions/format-1.md} was written by format 1's writer when it
 * was the current one (December 2026) and must never be changed: if a change of {@link ArticleFile} makes it read
 * otherwise, format 1's reader has to be kept as it was ({@link RevisionFormat}).
 */
public class RevisionFormatTests {

    /** What {@code revisions/format-1.md} holds: every field a snapshot can carry. */
    public static final ArticleDraft FORMAT_1 = new ArticleDraft(
            "Tribune synthétique au format 1 : « guillemets », l’apostrophe (données de test)",
            "tribune-synthetique-au-format-1",
            "Chapô synthétique, écrit pour vérifier que le format 1 se relit.",
            "Premier paragraphe synthétique.\n\n## Un intertitre synthétique\n\n"
                    + "Deuxième paragraphe, avec une coquille volontaire : « fromat ».",
            "2015-10",
            true,
            "Date déduite du texte (données de test).",
            "Média synthétique",
            "https://example.org/tribune-format-1",
            List.of(
                    new ArticleDraft.Byline(
                            "Auteur Synthétique",
                            "auteur-synthetique",
                            "Rôle synthétique",
                            "Organisation synthétique",
                            "Propos recueillis (données de test)"),
                    new ArticleDraft.Byline("Autrice Synthétique", null, null, null, null)),
            List.of("Thème synthétique", "Cloud souverain"),
            List.of(
                    new ArticleDraft.Mentioned("Organisation synthétique", "l’Organisation"),
                    new ArticleDraft.Mentioned("Autre organisation synthétique", null)));

    public static String format1Snapshot() throws IOException {
        try (InputStream in = RevisionFormatTests.class.getResourceAsStream("/revisions/format-1.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSnapshotWrittenInFormatOneIsReadAsItWasWritten() throws Exception {
        assertThat(RevisionFormat.read(1, format1Snapshot(), "version-1")).isEqualTo(FORMAT_1);
    }

    @Test
    void aSnapshotOfAnOlderFormatComparesWithNewOnesInTheCurrentFormat() throws Exception {
        String comparable = RevisionFormat.inCurrentFormat(1, format1Snapshot(), "version-1");

        assertThat(comparable).isEqualTo(RevisionFormat.write(FORMAT_1));
        assertThat(RevisionFormat.read(RevisionFormat.CURRENT, comparable, "version-2"))
                .isEqualTo(FORMAT_1);
    }

    @Test
    void aFormatThisVersionDoesNotKnowIsAnErrorNamingIt() {
        assertThatThrownBy(() -> RevisionFormat.read(RevisionFormat.CURRENT + 1, "---\n---\n", "version-7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version-7")
                .hasMessageContaining("format " + (RevisionFormat.CURRENT + 1));
    }
}
