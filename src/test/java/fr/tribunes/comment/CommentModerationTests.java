package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Moderation as editors do it in the back office, and what readers see of it: nothing pending, nothing marked as
 * unwanted; approved comments, oldest first, counted in the op-ed's header. Closing an op-ed's comments, deleting
 * everything sent with an address.
 */
class CommentModerationTests extends CommentSiteTests {

    @Test
    void onlyApprovedCommentsAreShownOldestFirstAndCountedInTheHeader() throws Exception {
        Published tribune = publishedTribune();
        String first = email("premiere");
        String second = email("deuxieme");
        String third = email("troisieme");
        comment(tribune, Typed.valid(first).withComment("Premier commentaire synthétique (test)."));
        comment(tribune, Typed.valid(second).withComment("Deuxième commentaire synthétique (test)."));
        comment(tribune, Typed.valid(third).withComment("Troisième commentaire synthétique (test)."));

        HtmlPage page = open(browser(), tribune.path());
        assertThat(page.querySelectorAll(".comment").size()).isZero();
        assertThat((Object) page.querySelector(".comment-count")).isNull();
        String lastModified =
                get(tribune.path()).headers().firstValue("Last-Modified").orElseThrow();

        HtmlPage queue = signedInModeration();
        HtmlPage done = moderate(queue, "approuver", commentId(third), commentId(first));
        assertThat(text(done.querySelector(".done"))).isEqualTo("2 commentaires approuvés : ils sont publiés.");

        page = open(browser(), tribune.path());
        assertThat(page.querySelectorAll(".comment").stream().map(CommentSiteTests::text))
                .hasSize(2)
                .satisfiesExactly(
                        c -> assertThat(c).contains("Premier commentaire synthétique (test)."),
                        c -> assertThat(c).contains("Troisième commentaire synthétique (test)."));
        assertThat(text(page.querySelector(".dateline .comment-count"))).isEqualTo("2 commentaires");
        assertThat(page.<HtmlAnchor>querySelector(".comment-count").getHrefAttribute())
                .isEqualTo("#commentaires");
        assertThat(text(page.querySelector("#comments-title"))).isEqualTo("2 commentaires");
        assertThat(text(page.querySelector(".comment .comment-meta"))).startsWith("Lectrice synthétique (test), le ");
        assertThat(text(page.querySelector("#commentaires"))).doesNotContain("Deuxième commentaire");
        // The page changed: its date did too, so caches that ask with If-Modified-Since get it.
        assertThat(get(tribune.path()).headers().firstValue("Last-Modified"))
                .isNotEqualTo(java.util.Optional.of(lastModified));

        // Unwanted, pending or approved before: never shown.
        done = moderate(done, "indesirable", commentId(second));
        assertThat(text(done.querySelector(".done"))).startsWith("1 commentaire marqué comme indésirable");
        HtmlPage approved = done.getWebClient().getPage(url("/admin/commentaires?etat=approuves"));
        moderate(approved, "indesirable", commentId(third));
        assertThat(statusOf(commentId(second))).isEqualTo("SPAM");
        assertThat(statusOf(commentId(third))).isEqualTo("SPAM");
        page = open(browser(), tribune.path());
        assertThat(page.querySelectorAll(".comment").stream().map(CommentSiteTests::text))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Premier commentaire synthétique (test)."));
        assertThat(text(page.querySelector(".comment-count"))).isEqualTo("1 commentaire");
        assertThat(page.asXml()).doesNotContain("Deuxième commentaire").doesNotContain("Troisième commentaire");
    }

    @Test
    void aFloodOnOneOpEdIsDealtWithInOneGoSparingWhatArrivedAfterAndOtherOpEds() throws Exception {
        Published flooded = publishedTribune();
        Published quiet = publishedTribune();
        String token = tokenOf(flooded);
        List<String> flood = new java.util.ArrayList<>();
        for (int i = 1; i <= CommentModeration.FLOOD + 2; i++) {
            if (i % 5 == 1) {
                // Past the per-address and per-token limits: a flood that got through them, as from many addresses.
                clock.advance(java.time.Duration.ofMinutes(11));
            }
            String email = email("vague-" + i);
            flood.add(email);
            assertThat(post(flooded.path() + "/commentaires", fields(Typed.valid(email), token), Map.of())
                            .statusCode())
                    .isEqualTo(200);
        }
        String ordinary = email("calme");
        comment(quiet, Typed.valid(ordinary));

        HtmlPage queue = signedInModeration();
        assertThat(queue.querySelectorAll(".floods li").stream().map(CommentSiteTests::text))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("Tribune synthétique n° " + flooded.number())
                        .contains("12 commentaires en attente, reçus du ")
                        .contains("depuis une seule adresse IP"));
        // One more arrives while the editor reads the queue: not seen, so not deleted.
        clock.advance(java.time.Duration.ofMinutes(11));
        String late = email("tardif");
        assertThat(post(flooded.path() + "/commentaires", fields(Typed.valid(late), token), Map.of())
                        .statusCode())
                .isEqualTo(200);

        HtmlPage done = queue.<HtmlElement>querySelector(".floods button[value=supprimer]")
                .click();

        assertThat(text(done.querySelector(".done"))).isEqualTo("12 commentaires supprimés.");
        assertThat(flood)
                .allSatisfy(email -> assertThat(commentsFrom(email)).as(email).isZero());
        assertThat(statusOf(commentId(late))).isEqualTo("PENDING");
        assertThat(statusOf(commentId(ordinary))).isEqualTo("PENDING");
        assertThat(done.querySelectorAll(".floods li")).isEmpty();
    }

    @Test
    void theQueueCountsEachStateShowsEmailsToEditorsAndLikelySpamFirst() throws Exception {
        Published tribune = publishedTribune();
        String ordinary = email("ordinaire");
        String linky = email("liens");
        comment(tribune, Typed.valid(ordinary).withComment("Commentaire ordinaire synthétique (test)."));
        comment(
                tribune,
                Typed.valid(linky)
                        .withComment("https://exemple.org/1 https://exemple.org/2 https://exemple.org/3 (test)"));

        HtmlPage queue =
                signedInModeration().getWebClient().getPage(url("/admin/commentaires?tribune=" + tribune.id()));

        assertThat(queue.getWebResponse().getResponseHeaderValue("Cache-Control"))
                .isEqualTo("no-store");
        assertThat(text(queue.querySelector("[aria-current=page][href*='etat=en-attente']")))
                .isEqualTo("En attente (2)");
        assertThat(text(queue.querySelector("a[href*='etat=approuves']"))).isEqualTo("Approuvés (0)");
        assertThat(text(queue.querySelector("a[href*='etat=indesirables']"))).isEqualTo("Indésirables (0)");
        assertThat(text(queue.querySelector("#article-title"))).contains("Tribune synthétique n° " + tribune.number());
        List<String> shown = queue.querySelectorAll(".moderation-list > li").stream()
                .map(CommentSiteTests::text)
                .toList();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0))
                .contains("Nombreux liens : probablement indésirable.")
                .contains(linky);
        assertThat(shown.get(1)).contains(ordinary).doesNotContain("Nombreux liens");
        assertThat(text(queue.querySelector(".admin-nav a[aria-current=page]"))).isEqualTo("Commentaires");
    }

    @Test
    void approvedCommentsAreEscapedKeepTheirParagraphsAndLinkWithNofollow() throws Exception {
        Published tribune = publishedTribune();
        String email = email("lienne");
        comment(
                tribune,
                Typed.valid(email)
                        .withWebsite("https://exemple.org/site-de-test")
                        .withComment("Premier paragraphe <script>alert(1)</script> <b>gras</b> (test).\n\n"
                                + "Second paragraphe, voir https://exemple.org/page?a=1&b=2. Et javascript:alert(1)."));
        moderate(signedInModeration(), "approuver", commentId(email));

        HtmlPage page = open(browser(), tribune.path());
        String source = get(tribune.path()).body();

        assertThat(source)
                .doesNotContain("<script>alert(1)")
                .doesNotContain("<b>gras</b>")
                .doesNotContain("href=\"javascript:");
        List<HtmlElement> paragraphs = page.querySelectorAll(".comment-body p").stream()
                .map(HtmlElement.class::cast)
                .toList();
        assertThat(paragraphs).hasSize(2);
        assertThat(text(paragraphs.get(0)))
                .isEqualTo("Premier paragraphe <script>alert(1)</script> <b>gras</b> (test).");
        HtmlAnchor link =
                (HtmlAnchor) paragraphs.get(1).getElementsByTagName("a").get(0);
        assertThat(link.getHrefAttribute()).isEqualTo("https://exemple.org/page?a=1&b=2");
        assertThat(link.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(text(paragraphs.get(1))).endsWith("https://exemple.org/page?a=1&b=2. Et javascript:alert(1).");
        HtmlAnchor author = page.querySelector(".comment-author");
        assertThat(author.getHrefAttribute()).isEqualTo("https://exemple.org/site-de-test");
        assertThat(author.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(text(author)).isEqualTo("Lectrice synthétique (test)");
    }

    @Test
    void closedCommentsHaveNoFormRefusePostsKeepApprovedOnesAndReopen() throws Exception {
        Published tribune = publishedTribune();
        String approved = email("avant-fermeture");
        comment(tribune, Typed.valid(approved).withComment("Commentaire d’avant la fermeture (test)."));
        HtmlPage queue = signedInModeration();
        moderate(queue, "approuver", commentId(approved));
        String token = tokenOf(tribune);

        HtmlPage article = queue.getWebClient().getPage(url("/admin/commentaires?tribune=" + tribune.id()));
        assertThat(text(article.querySelector(".status-box"))).contains("Les commentaires sont ouverts.");
        HtmlPage closed = article.<HtmlElement>querySelector("form[action$='/fermeture'] button")
                .click();
        assertThat(text(closed.querySelector(".done"))).startsWith("Commentaires fermés pour « Tribune synthétique");
        assertThat(text(closed.querySelector(".closed-articles")))
                .contains("Tribune synthétique n° " + tribune.number());

        HtmlPage page = open(browser(), tribune.path());
        assertThat((Object) page.querySelector("form.comment-form")).isNull();
        assertThat(text(page.querySelector(".comments-closed")))
                .isEqualTo("Les commentaires sont fermés pour cette tribune.");
        assertThat(text(page.querySelector(".comment"))).contains("Commentaire d’avant la fermeture (test).");

        clock.advance(WRITING);
        String late = email("apres-fermeture");
        HttpResponse<String> refused =
                post(tribune.path() + "/commentaires", fields(Typed.valid(late), token), Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Commentaires fermés").contains("rien n’a été enregistré");
        assertThat(commentsFrom(late)).isZero();

        HtmlPage reopened = closed.<HtmlElement>querySelector(".status-box form[action$='/ouverture'] button")
                .click();
        assertThat(text(reopened.querySelector(".done"))).startsWith("Commentaires rouverts");
        assertThat((Object) open(browser(), tribune.path()).querySelector("form.comment-form"))
                .isNotNull();
    }

    @Test
    void severalCommentsAreDeletedAtOnceAndNothingTickedIsExplained() throws Exception {
        Published tribune = publishedTribune();
        String one = email("une");
        String two = email("deux");
        String kept = email("restee");
        comment(tribune, Typed.valid(one));
        comment(tribune, Typed.valid(two));
        comment(tribune, Typed.valid(kept));

        HtmlPage done = moderate(signedInModeration(), "supprimer", commentId(one), commentId(two));

        assertThat(text(done.querySelector(".done"))).isEqualTo("2 commentaires supprimés.");
        assertThat(commentsFrom(one) + commentsFrom(two)).isZero();
        assertThat(commentsFrom(kept)).isOne();
        HtmlPage nothing = moderate(done, "approuver");
        assertThat(text(nothing.querySelector(".form-errors")))
                .isEqualTo("Cochez au moins un commentaire, puis choisissez ce que vous en faites.");
        assertThat(statusOf(commentId(kept))).isEqualTo("PENDING");
    }

    @Test
    void anEditorDeletesEverythingSentWithAnAddressWhateverItsCase() throws Exception {
        Published tribune = publishedTribune();
        String email = email("effacee");
        String other = email("gardee");
        comment(tribune, Typed.valid(email).withComment("Commentaire à effacer, approuvé (test)."));
        long shown = commentId(email);
        comment(tribune, Typed.valid(email.toUpperCase()).withComment("Commentaire à effacer, en attente (test)."));
        comment(tribune, Typed.valid(email).withComment("Commentaire à effacer, indésirable (test)."));
        long spam = commentId(email);
        comment(tribune, Typed.valid(other).withComment("Commentaire d’une autre personne (test)."));
        HtmlPage queue = signedInModeration();
        queue = moderate(queue, "approuver", shown, commentId(other));
        queue = moderate(queue, "indesirable", spam);
        assertThat(text(open(browser(), tribune.path()).querySelector("#commentaires")))
                .contains("Commentaire à effacer, approuvé (test).");
        assertThat(commentsFrom(email)).isEqualTo(3);

        queue.<HtmlInput>querySelector("#erase-email").setValue("  " + email.toUpperCase() + " ");
        HtmlPage done = queue.<HtmlElement>querySelector("form.erase button").click();

        assertThat(text(done.querySelector(".done")))
                .isEqualTo("3 commentaires envoyés avec l’adresse " + email.toUpperCase() + " ont été supprimés.");
        assertThat(commentsFrom(email)).isZero();
        assertThat(commentsFrom(other)).isOne();
        String page = text(open(browser(), tribune.path()).querySelector("#commentaires"));
        assertThat(page).doesNotContain("Commentaire à effacer").contains("Commentaire d’une autre personne (test).");

        done.<HtmlInput>querySelector("#erase-email").setValue(email);
        HtmlPage again = done.<HtmlElement>querySelector("form.erase button").click();
        assertThat(text(again.querySelector(".done")))
                .isEqualTo("Aucun commentaire n’avait été envoyé avec l’adresse " + email + ".");
    }

    @Test
    void moderationIsForSignedInEditorsWithTheFormsToken() throws Exception {
        Published tribune = publishedTribune();
        String email = email("protegee");
        comment(tribune, Typed.valid(email));
        long id = commentId(email);

        HttpResponse<String> anonymous = get("/admin/commentaires");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain(email);

        HtmlPage queue = signedInModeration();
        Page forged = postWith(
                queue.getWebClient(),
                url("/admin/commentaires"),
                Map.of("action", "approuver", "ids", String.valueOf(id)));
        assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(403);
        Page erased = postWith(
                queue.getWebClient(), url("/admin/commentaires/suppression-par-adresse"), Map.of("email", email));
        assertThat(erased.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo("PENDING");
    }
}
