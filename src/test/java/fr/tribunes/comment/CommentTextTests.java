package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.article.ArticleComments.Paragraph;
import fr.tribunes.article.ArticleComments.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a comment's text is cut into paragraphs and links, and what counts as a link. */
class CommentTextTests {

    @Test
    void paragraphsAreSplitOnBlankLinesAndLineBreaksInsideThemKept() {
        List<Paragraph> paragraphs = CommentText.paragraphs("Un.\nSuite du un.\n\n \n\nDeux.");

        assertThat(paragraphs)
                .extracting(p -> p.segments().get(0).text())
                .containsExactly("Un.\nSuite du un.", "Deux.");
    }

    @Test
    void webAddressesBecomeLinksWithoutThePunctuationAfterThem() {
        List<Segment> segments = CommentText.segments(
                "Voir https://exemple.org/a?b=1&c=2, (https://fr.wikipedia.org/wiki/Cloud_(informatique)) et"
                        + " « http://exemple.org/b ».");

        assertThat(segments.stream().filter(Segment::link).map(Segment::href))
                .containsExactly(
                        "https://exemple.org/a?b=1&c=2",
                        "https://fr.wikipedia.org/wiki/Cloud_(informatique)",
                        "http://exemple.org/b");
        assertThat(segments.stream().map(Segment::text).reduce("", String::concat))
                .isEqualTo("Voir https://exemple.org/a?b=1&c=2, (https://fr.wikipedia.org/wiki/Cloud_(informatique)) et"
                        + " « http://exemple.org/b ».");
    }

    @Test
    void onlyHttpAndHttpsAreLinked() {
        assertThat(CommentText.segments("javascript:alert(1) ftp://exemple.org data:text/html,x www.exemple.org"))
                .singleElement()
                .satisfies(s -> assertThat(s.link()).isFalse());
        assertThat(CommentText.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(CommentText.isWebAddress("https://")).isFalse();
        assertThat(CommentText.isWebAddress("HTTPS://exemple.org")).isTrue();
    }

    @Test
    void linksAreCountedWithOrWithoutTheirScheme() {
        assertThat(CommentText.countLinks("Rien.")).isZero();
        assertThat(CommentText.countLinks("https://a.example http://b.example www.c.example https://www.d.example"))
                .isEqualTo(4);
    }

    @Test
    void controlCharactersAreRemovedAndLineBreaksUnified() {
        assertThat(CommentText.clean(" Un\u0000\r\nDeux\rTrois\u0007 ")).isEqualTo("Un\nDeux\nTrois");
        assertThat(CommentText.cleanLine(" Nom\n\u0000 ")).isEqualTo("Nom");
    }
}
