package fr.tribunes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A commenter's e-mail address never leaves the back office: not on the op-ed page or its source, not in a list,
 * feed, sitemap, API answer, export, search or history. Every public address is read whole and searched for it,
 * with an approved, a pending and an unwanted comment on the op-ed.
 */
class CommentPrivacyTests extends CommentSiteTests {

    @Test
    void noPublicAnswerEverContainsACommentersEmailAddress() throws Exception {
        Published tribune = publishedTribune();
        int n = tribune.number();
        String approved = "Lectrice.Publiee." + n + "@Exemple.test";
        String pending = "lecteur.en.attente." + n + "@exemple.test";
        String spam = "robot.indesirable." + n + "@exemple.test";
        String word = "pangolin" + n;
        comment(
                tribune,
                Typed.valid(approved)
                        .withName("Lectrice publiée " + n + " (test)")
                        .withWebsite("https://exemple.org/lectrice-" + n)
                        .withComment("Commentaire synthétique approuvé avec le mot " + word + " (test)."));
        comment(tribune, Typed.valid(pending).withComment("Commentaire synthétique en attente (test)."));
        comment(tribune, Typed.valid(spam).withComment("Commentaire synthétique indésirable (test)."));
        var queue = signedInModeration();
        queue = moderate(queue, "approuver", commentId(approved));
        moderate(queue, "indesirable", commentId(spam));

        String slug = tribune.slug();
        List<String> everyPublicAddress = List.of(
                "/",
                "/archives",
                "/archives/2024",
                "/auteurs",
                "/auteurs/auteur-synthetique-" + n,
                "/auteurs/auteur-synthetique-" + n + "/flux.atom",
                "/themes",
                "/themes/theme-synthetique-" + n,
                "/themes/theme-synthetique-" + n + "/flux.atom",
                "/organisations",
                "/organisations/organisation-synthetique-" + n,
                "/recherche?q=" + word,
                "/recherche?q=synthetique",
                "/flux.atom",
                "/api/tribunes",
                "/api/tribunes/" + slug,
                "/api/auteurs",
                "/api/themes",
                "/api/organisations",
                "/v3/api-docs",
                "/sitemap.xml",
                "/sitemaps/pages.xml",
                "/sitemaps/tribunes-1.xml",
                "/robots.txt",
                "/tribunes/" + slug,
                "/tribunes/" + slug + ".md",
                "/tribunes/" + slug + "/citation.bib",
                "/tribunes/" + slug + "/citation.ris",
                "/tribunes/" + slug + "/citation.json",
                "/tribunes/" + slug + "/historique");

        for (String path : everyPublicAddress) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String body = response.body().toLowerCase(Locale.ROOT);
            for (String email : List.of(approved, pending, spam)) {
                String address = email.toLowerCase(Locale.ROOT);
                assertThat(body)
                        .as("%s must not show %s", path, email)
                        .doesNotContain(address)
                        .doesNotContain(address.substring(0, address.indexOf('@')))
                        .doesNotContain(java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8)
                                .toLowerCase(Locale.ROOT));
            }
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }

        // The test would see an address if one were there: the approved comment itself is on the page.
        String page = get("/tribunes/" + slug).body();
        assertThat(page)
                .contains("Commentaire synthétique approuvé avec le mot " + word)
                .contains("Lectrice publiée " + n + " (test)")
                .contains("https://exemple.org/lectrice-" + n)
                .doesNotContain("Commentaire synthétique en attente")
                .doesNotContain("Commentaire synthétique indésirable");
        // Comments are not searched: the word only a comment holds finds nothing.
        assertThat(get("/recherche?q=" + word).body()).contains("Aucune tribune");
    }
}
