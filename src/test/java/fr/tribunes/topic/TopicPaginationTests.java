package fr.tribunes.topic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A theme with more op-eds than one page holds: 26 synthetic ones, 20 a page, newest first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SiteTest
class TopicPaginationTests {

    /** This class's synthetic op-eds are numbered from here, apart from other classes' in the shared site. */
    static final int N = 4000;

    static final String THEME = "pagination-synthetique";

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addSyntheticArticles(@Autowired ApplicationContext site) {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.addFacet("topic", THEME, "Thème synthétique de pagination (données de test)");
        for (int n = 1; n <= 26; n++) {
            synthetic.add(N + n, LocalDate.of(2020, 1, 1).plusDays(n), THEME);
        }
    }

    @Test
    void theFirstPageShowsTheTwentyNewestAndLinksToTheNext() {
        assertThat(mvc.get().uri("/themes/" + THEME))
                .hasStatusOk()
                .bodyText()
                .contains("Les tribunes de ce thème (26)")
                .contains(SyntheticArticles.title(N + 26))
                .contains(SyntheticArticles.title(N + 7))
                .doesNotContain(SyntheticArticles.title(N + 6) + "<")
                .contains("Page 1 sur 2")
                .contains("href=\"/themes/" + THEME + "?page=2\"")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void theSecondPageShowsTheRestAndLinksBack() {
        assertThat(mvc.get().uri("/themes/" + THEME + "?page=2"))
                .hasStatusOk()
                .bodyText()
                .contains(SyntheticArticles.title(N + 6) + "<")
                .contains(SyntheticArticles.title(N + 1) + "<")
                .doesNotContain(SyntheticArticles.title(N + 7) + "<")
                .contains("Page 2 sur 2")
                .contains("href=\"/themes/" + THEME + "?page=1\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void aPagePastTheEndIsRefusedWithTheNumberOfPages() {
        assertThat(mvc.get().uri("/themes/" + THEME + "?page=3"))
                .hasStatus(400)
                .bodyText()
                .contains("La page 3 n’existe pas\u202F: cette liste compte 2 pages.");
    }
}
