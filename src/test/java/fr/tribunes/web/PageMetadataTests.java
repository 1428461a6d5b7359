package fr.tribunes.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What search engines and sharing sites read of each public page type: a title short enough to be shown whole
 * (Google cuts near 60 characters, so at most 70 with the site's name), a description of its own, and a card for
 * sharing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class PageMetadataTests {

    /**
     * One address per public page type, on the seed. (The comment form shows only after a refused comment, as the
     * answer to a POST; asked for directly, its address leads to the op-ed's page.)
     */
    static final List<String> PAGES = List.of(
            "/",
            SeedTribune.PATH,
            SeedTribune.PATH + "/historique",
            "/auteurs",
            SeedTribune.AUTHOR_PATH,
            "/themes",
            "/themes/cloud-souverain",
            "/organisations",
            "/organisations/numergy",
            "/archives",
            "/archives/2015",
            "/recherche?q=cloud");

    @LocalServerPort
    int port;

    private WebClient client;

    @BeforeAll
    void browser() {
        client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
    }

    @AfterAll
    void close() {
        client.close();
    }

    private HtmlPage page(String path) throws IOException {
        return client.getPage("http://localhost:" + port + path);
    }

    private static String meta(HtmlPage page, String name) {
        List<DomElement> found = page.getElementsByTagName("meta").stream()
                .filter(meta -> meta.getAttribute("name").equals(name))
                .toList();
        assertThat(found).as("<meta name=\"%s\"> on %s", name, page.getUrl()).hasSize(1);
        return found.get(0).getAttribute("content");
    }

    @Test
    void everyPublicPageTypeHasAShortTitleItsOwnDescriptionAndASharingCard() throws IOException {
        Set<String> descriptions = new HashSet<>();
        for (String path : PAGES) {
            HtmlPage page = page(path);
            assertThat(page.getTitleText()).as("title of %s", path).hasSizeLessThanOrEqualTo(70);
            String description = meta(page, "description");
            assertThat(description)
                    .as("description of %s", path)
                    .hasSizeBetween(40, 200)
                    .doesNotContain("null");
            assertThat(descriptions.add(description))
                    .as("description of %s, shared with another page type: %s", path, description)
                    .isTrue();
            assertThat(meta(page, "twitter:card")).as(path).isEqualTo("summary");
        }
    }

    @Test
    void theOpEdsTitleIsCutForTheTabButWholeForSharingAndCitation() throws IOException {
        HtmlPage page = page(SeedTribune.PATH);
        // HtmlUnit reads the no-break space before the colon as a space.
        assertThat(page.getTitleText()).isEqualTo("L’état doit apprendre de ses erreurs : Numergy en… — Tribunes");
        String ogTitle = page.getElementsByTagName("meta").stream()
                .filter(meta -> meta.getAttribute("property").equals("og:title"))
                .findFirst()
                .orElseThrow()
                .getAttribute("content");
        assertThat(ogTitle).isEqualTo(SeedTribune.title());
        assertThat(meta(page, "citation_title")).isEqualTo(SeedTribune.title());
    }
}
