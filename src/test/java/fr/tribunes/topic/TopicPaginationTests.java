package fr.tribunes.topic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SyntheticArticles;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A theme with more op-eds than one page holds: 25 synthetic ones plus the seed, 20 a page, newest first. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:topic-pagination;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicPaginationTests {

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addSyntheticArticles(@Autowired JdbcTemplate jdbc) {
        SyntheticArticles synthetic = new SyntheticArticles(jdbc);
        for (int n = 1; n <= 25; n++) {
            synthetic.add(n, LocalDate.of(2020, 1, 1).plusDays(n), "cloud-souverain");
        }
    }

    @Test
    void theFirstPageShowsTheTwentyNewestAndLinksToTheNext() {
        assertThat(mvc.get().uri("/themes/cloud-souverain"))
                .hasStatusOk()
                .bodyText()
                .contains("Les tribunes de ce thème (26)")
                .contains(SyntheticArticles.title(25))
                .contains(SyntheticArticles.title(6))
                .doesNotContain(SyntheticArticles.title(5) + "<")
                .contains("Page 1 sur 2")
                .contains("href=\"/themes/cloud-souverain?page=2\"")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void theSecondPageShowsTheRestAndLinksBack() {
        assertThat(mvc.get().uri("/themes/cloud-souverain?page=2"))
                .hasStatusOk()
                .bodyText()
                .contains(SyntheticArticles.title(5) + "<")
                .contains(SyntheticArticles.title(1) + "<")
                .contains("L’état doit apprendre de ses erreurs")
                .doesNotContain(SyntheticArticles.title(6) + "<")
                .contains("Page 2 sur 2")
                .contains("href=\"/themes/cloud-souverain?page=1\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void aPagePastTheEndIsRefusedWithTheNumberOfPages() {
        assertThat(mvc.get().uri("/themes/cloud-souverain?page=3"))
                .hasStatus(400)
                .bodyText()
                .contains("La page 3 n’existe pas\u202F: cette liste compte 2 pages.");
    }
}
