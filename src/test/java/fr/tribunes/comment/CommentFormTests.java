package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comment form as a reader uses it, and as a script abuses it: held for moderation when valid; refused in
 * French, with everything typed kept, when a field is wrong; refused when sent too fast, too often, with the field
 * people leave empty filled, with a forged token or from another site. Nothing refused is stored, and no refusal
 * is a 500.
 */
class CommentFormTests extends CommentSiteTests {

    @Test
    void theFormIsUnderEveryOpEdAsOnTheOriginalPage() throws Exception {
        Published tribune = publishedTribune();
        HtmlPage page = open(browser(), tribune.path());

        assertThat(text(page.querySelector("#commenter"))).isEqualTo("Laisser un commentaire");
        assertThat(text(page.querySelector(".comment-notice")))
                .isEqualTo("Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *");
        assertThat(text(page.querySelector("label[for=c-comment]"))).isEqualTo("Commentaire *");
        assertThat(text(page.querySelector("label[for=c-name]"))).isEqualTo("Nom *");
        assertThat(text(page.querySelector("label[for=c-email]"))).isEqualTo("E-mail *");
        assertThat(text(page.querySelector("label[for=c-website]"))).isEqualTo("Site web");
        assertThat(page.<HtmlTextArea>querySelector("#c-comment").hasAttribute("required"))
                .isTrue();
        assertThat(page.<HtmlInput>querySelector("#c-website").hasAttribute("required"))
                .isFalse();
        // The field only scripts fill: hidden from people and from the keyboard.
        HtmlInput trap = page.querySelector("#c-subject");
        assertThat(trap.getAttribute("tabindex")).isEqualTo("-1");
        assertThat(trap.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(text(page.querySelector("label[for=c-subject]"))).isEqualTo("Laissez ce champ vide");
        assertThat(((HtmlElement) page.querySelector(".comment-trap")).getAttribute("aria-hidden"))
                .isEqualTo("true");
        assertThat(text(page.querySelector("#comments-title"))).isEqualTo("Aucun commentaire");
    }

    @Test
    void aValidCommentIsHeldForModerationAndNotShown() throws Exception {
        Published tribune = publishedTribune();
        String email = email("lectrice");

        HtmlPage answer = comment(tribune, Typed.valid(email).withWebsite("https://exemple.org/blog"));

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(text(answer.querySelector("h1"))).isEqualTo("Merci : votre commentaire attend la modération");
        assertThat(answer.querySelector("h1").getTextContent()).contains("Merci\u202F:");
        assertThat(answer.getWebResponse().getResponseHeaderValue("Cache-Control"))
                .contains("no-store");
        assertThat(answer.getAnchorByHref(tribune.path())).isNotNull();
        assertThat(jdbc.queryForMap(
                        "select status, author_name, website, suspected from comment where id = ?", commentId(email)))
                .containsEntry("STATUS", "PENDING")
                .containsEntry("AUTHOR_NAME", "Lectrice synthétique (test)")
                .containsEntry("WEBSITE", "https://exemple.org/blog")
                .containsEntry("SUSPECTED", false);

        String page = get(tribune.path()).body();
        assertThat(page).doesNotContain("Commentaire synthétique, écrit pour les tests.");
        assertThat(page).doesNotContain("comment-count");
    }

    static Stream<Arguments> invalidFields() {
        String ok = "valide@exemple.test";
        return Stream.of(
                Arguments.of(Typed.valid(ok).withComment("   "), "comment", "Écrivez votre commentaire."),
                Arguments.of(Typed.valid(ok).withName(""), "name", "Indiquez votre nom"),
                Arguments.of(Typed.valid(ok).withName("N".repeat(101)), "name", "ne peut dépasser 100 caractères"),
                Arguments.of(
                        Typed.valid(""), "email", "Indiquez votre adresse e-mail\u202F: elle ne sera pas publiée."),
                Arguments.of(
                        Typed.valid("pas-une-adresse"),
                        "email",
                        "«\u202Fpas-une-adresse\u202F» n’est pas une adresse e-mail"),
                Arguments.of(
                        Typed.valid("x".repeat(250) + "@exemple.test"), "email", "ne peut dépasser 254 caractères"),
                Arguments.of(
                        Typed.valid(ok).withWebsite("ftp://exemple.org"),
                        "website",
                        "doit commencer par https:// ou http://"),
                Arguments.of(
                        Typed.valid(ok).withWebsite("javascript:alert(1)"),
                        "website",
                        "doit commencer par https:// ou http://"),
                Arguments.of(
                        Typed.valid(ok).withWebsite("https://exemple.org/" + "a".repeat(300)),
                        "website",
                        "ne peut dépasser 300 caractères"));
    }

    @ParameterizedTest(name = "{1} : {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsExplainedInFrenchAndEverythingTypedIsKept(Typed typed, String field, String message)
            throws Exception {
        Published tribune = publishedTribune();

        HtmlPage answer = comment(tribune, typed);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(answer.getUrl().getPath()).isEqualTo(tribune.path() + "/commentaires");
        assertThat(answer.querySelector("#c-" + field + "-error").getTextContent())
                .contains(message);
        assertThat(answer.<HtmlElement>querySelector("#c-" + field).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(text(answer.querySelector("[role=alert]"))).contains("n’a pas été enregistré");
        assertThat(answer.<HtmlTextArea>querySelector("#c-comment").getText()).isEqualTo(typed.comment());
        assertThat(answer.<HtmlInput>querySelector("#c-name").getValue()).isEqualTo(typed.name());
        assertThat(answer.<HtmlInput>querySelector("#c-email").getValue()).isEqualTo(typed.email());
        assertThat(answer.<HtmlInput>querySelector("#c-website").getValue()).isEqualTo(typed.website());
        assertThat(answer.getWebResponse().getResponseHeaderValue("Cache-Control"))
                .contains("no-store");
        assertThat(jdbc.queryForObject("select count(*) from comment where article_id = ?", Long.class, tribune.id()))
                .isZero();

        // Corrected on the page it came back on, it goes through.
        fill(answer, Typed.valid(email("corrigee")));
        clock.advance(WRITING);
        assertThat(text(send(answer).querySelector("h1"))).startsWith("Merci");
    }

    @Test
    void aCommentOverFiveThousandCharactersIsRefusedAndKept() throws Exception {
        Published tribune = publishedTribune();
        String tooLong = "Commentaire synthétique trop long. ".repeat(150).strip();
        assertThat(tooLong.length()).isGreaterThan(5000);

        HtmlPage answer = comment(tribune, Typed.valid(email("bavarde")).withComment(tooLong));

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(text(answer.querySelector("#c-comment-error")))
                .contains("compte "
                        + String.format(java.util.Locale.FRENCH, "%,d", tooLong.length())
                                .replaceAll("[\\u00A0\\u202F]", " ")
                        + " caractères")
                .contains("Raccourcissez-le");
        assertThat(answer.<HtmlTextArea>querySelector("#c-comment").getText()).isEqualTo(tooLong);

        String justRight = "x".repeat(5000);
        HtmlPage accepted = comment(tribune, Typed.valid(email("juste")).withComment(justRight));
        assertThat(accepted.getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aCommentWithManyLinksIsHeldAsLikelySpam() throws Exception {
        Published tribune = publishedTribune();
        String twoLinks = email("deux-liens");
        String threeLinks = email("trois-liens");

        comment(
                tribune,
                Typed.valid(twoLinks).withComment("Voir https://exemple.org/un et http://exemple.org/deux (test)."));
        HtmlPage answer = comment(
                tribune,
                Typed.valid(threeLinks)
                        .withComment(
                                "Liens synthétiques : https://exemple.org/1 https://exemple.org/2 www.exemple.org"));

        assertThat(text(answer.querySelector("h1"))).startsWith("Merci");
        assertThat(jdbc.queryForObject(
                        "select suspected from comment where id = ?", Boolean.class, commentId(twoLinks)))
                .isFalse();
        assertThat(jdbc.queryForMap("select status, suspected from comment where id = ?", commentId(threeLinks)))
                .containsEntry("STATUS", "PENDING")
                .containsEntry("SUSPECTED", true);
    }

    @Test
    void theFieldPeopleLeaveEmptyFilledIsRefusedWithoutSayingWhy() throws Exception {
        Published tribune = publishedTribune();
        String email = email("robot");
        HtmlPage page = open(browser(), tribune.path());
        fill(page, Typed.valid(email));
        page.<HtmlInput>querySelector("#c-subject").setValue("Achetez maintenant");
        clock.advance(WRITING);

        HtmlPage answer = send(page);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(text(answer.querySelector("[role=alert]")))
                .isEqualTo("Votre commentaire n’a pas pu être enregistré. Vérifiez le formulaire, puis envoyez-le"
                        + " de nouveau.");
        assertThat(answer.<HtmlInput>querySelector("#c-subject").getValue()).isEmpty();
        assertThat(commentsFrom(email)).isZero();
    }

    @Test
    void aFormSentTooSoonAfterItWasShownIsRefusedThenAcceptedAfterAPause() throws Exception {
        Published tribune = publishedTribune();
        String email = email("pressee");
        HtmlPage page = open(browser(), tribune.path());
        fill(page, Typed.valid(email));
        clock.advance(Duration.ofSeconds(2));

        HtmlPage answer = send(page);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(text(answer.querySelector("[role=alert]")))
                .contains("très peu de temps après son affichage")
                .contains("rien n’a été enregistré");
        assertThat(answer.<HtmlTextArea>querySelector("#c-comment").getText())
                .isEqualTo("Commentaire synthétique, écrit pour les tests.");
        assertThat(commentsFrom(email)).isZero();

        clock.advance(Duration.ofSeconds(3));
        assertThat(text(send(answer).querySelector("h1"))).startsWith("Merci");
        assertThat(commentsFrom(email)).isOne();
    }

    @Test
    void aFormOpenedMoreThanAWeekAgoIsShownAgainWithAFreshToken() throws Exception {
        Published tribune = publishedTribune();
        String email = email("patiente");
        HtmlPage page = open(browser(), tribune.path());
        fill(page, Typed.valid(email));
        clock.advance(Duration.ofDays(8));

        HtmlPage answer = send(page);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(text(answer.querySelector("[role=alert]"))).startsWith("Formulaire expiré :");
        assertThat(answer.<HtmlInput>querySelector("#c-email").getValue()).isEqualTo(email);
        assertThat(commentsFrom(email)).isZero();

        clock.advance(WRITING);
        assertThat(text(send(answer).querySelector("h1"))).startsWith("Merci");
    }

    @Test
    void oneAddressSendingTooManyCommentsIsToldToWaitThenMayCommentAgain() throws Exception {
        Published tribune = publishedTribune();
        String token = tokenOf(tribune);
        clock.advance(WRITING);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> accepted =
                    post(tribune.path() + "/commentaires", fields(Typed.valid(email("assidue-" + i)), token), Map.of());
            assertThat(accepted.statusCode()).as("comment %d", i).isEqualTo(200);
        }

        String email = email("assidue-6");
        HttpResponse<String> refused =
                post(tribune.path() + "/commentaires", fields(Typed.valid(email), token), Map.of());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body())
                .contains("Vous avez envoyé plusieurs commentaires en peu de temps")
                .contains("value=\"" + email + "\"")
                .contains("Commentaire synthétique, écrit pour les tests.");
        assertThat(commentsFrom(email)).isZero();

        clock.advance(Duration.ofMinutes(11));
        assertThat(post(tribune.path() + "/commentaires", fields(Typed.valid(email), token), Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOpEdWithFiftyCommentsWaitingForModerationTakesNoMoreUntilModeratorsCatchUp() throws Exception {
        Published tribune = publishedTribune();
        String token = tokenOf(tribune);
        clock.advance(WRITING);
        for (int i = 1; i <= 50; i++) {
            if (i % 5 == 1) {
                clock.advance(Duration.ofMinutes(11));
            }
            assertThat(post(tribune.path() + "/commentaires", fields(Typed.valid(email("file-" + i)), token), Map.of())
                            .statusCode())
                    .as("comment %d", i)
                    .isEqualTo(200);
        }

        clock.advance(Duration.ofMinutes(11));
        String email = email("file-51");
        HttpResponse<String> refused =
                post(tribune.path() + "/commentaires", fields(Typed.valid(email), token), Map.of());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body())
                .contains("Beaucoup de commentaires sur cette tribune attendent déjà la modération")
                .contains("value=\"" + email + "\"");
        assertThat(commentsFrom(email)).isZero();
    }

    @Test
    void aForgedTokenOrOneFromAnotherOpEdIsRefusedWithAFrench403() throws Exception {
        Published tribune = publishedTribune();
        Published other = publishedTribune();
        String theirs = tokenOf(other);
        String mine = tokenOf(tribune);
        clock.advance(WRITING);
        String email = email("faussaire");
        String seconds = mine.substring(0, mine.indexOf('.'));

        for (String token : new String[] {
            "", "123.abc", theirs, (Long.parseLong(seconds) - 60) + mine.substring(mine.indexOf('.')), mine + "x"
        }) {
            HttpResponse<String> refused =
                    post(tribune.path() + "/commentaires", fields(Typed.valid(email), token), Map.of());
            assertThat(refused.statusCode()).as(token).isEqualTo(403);
            assertThat(refused.body())
                    .contains("<html lang=\"fr\"")
                    .contains("Formulaire invalide")
                    .contains("rien n’a été enregistré")
                    .doesNotContain("Whitelabel");
        }
        assertThat(commentsFrom(email)).isZero();
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedWithAFrench403() throws Exception {
        Published tribune = publishedTribune();
        String token = tokenOf(tribune);
        clock.advance(WRITING);
        String email = email("ailleurs");

        for (Map<String, String> headers : java.util.List.of(
                Map.of("Origin", "https://site-malveillant.example"),
                Map.of("Origin", "null"),
                Map.of("Origin", "http://localhost:" + (port + 1)),
                Map.of("Referer", "https://site-malveillant.example/page"))) {
            HttpResponse<String> refused =
                    post(tribune.path() + "/commentaires", fields(Typed.valid(email), token), headers);
            assertThat(refused.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(refused.body()).contains("Formulaire envoyé depuis un autre site");
        }
        assertThat(commentsFrom(email)).isZero();

        // This site, under its configured public address or the one it was reached by.
        assertThat(post(
                                tribune.path() + "/commentaires",
                                fields(Typed.valid(email), token),
                                Map.of("Origin", "http://localhost:8080"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                tribune.path() + "/commentaires",
                                fields(Typed.valid(email), token),
                                Map.of("Referer", url(tribune.path())))
                        .statusCode())
                .isEqualTo(200);
        assertThat(commentsFrom(email)).isEqualTo(2);
    }

    @Test
    void theOpEdPageStaysPublicCacheableAndSessionFree() throws Exception {
        Published tribune = publishedTribune();

        HttpResponse<String> first = get(tribune.path());
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> second = get(tribune.path());

        for (HttpResponse<String> response : java.util.List.of(first, second)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(response.body()).contains("class=\"comment-form\"").doesNotContain("_csrf");
        }
        // The form's token says when it was rendered, yet the page keeps its ETag: 304 to a revalidation.
        assertThat(tokenIn(first.body())).isNotEqualTo(tokenIn(second.body()));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        HttpResponse<String> revalidated = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(tribune.path())))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);

        // Posting sets no cookie either, and its answer is kept by no cache.
        clock.advance(WRITING);
        HttpResponse<String> posted = post(
                tribune.path() + "/commentaires",
                fields(Typed.valid(email("sans-cookie")), tokenIn(second.body())),
                Map.of());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(posted.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void theFormsAddressAskedForDirectlyLeadsToTheOpEdsForm() throws Exception {
        Published tribune = publishedTribune();

        HttpResponse<String> response = get(tribune.path() + "/commentaires");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(tribune.path() + "#commenter"));
        assertThat(post("/tribunes/inconnue/commentaires", fields(Typed.valid(email("perdue")), "1.a"), Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String tokenIn(String page) {
        int from = page.indexOf("name=\"token\" value=\"") + "name=\"token\" value=\"".length();
        return page.substring(from, page.indexOf('"', from));
    }
}
