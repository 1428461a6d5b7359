package fr.tribunes.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SyntheticArticles;
import fr.tribunes.facet.Facet;
import fr.tribunes.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A theme on more op-eds than the index takes in one batch (500): renamed, every one of them is found under its new
 * name, none under the old (on the embedded index, once the background has indexed them again). At 100,000 op-eds the biggest theme is on 29,000, which must not be held in the heap at
 * once (bench/rename.sh); here, enough for three batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:big-rename-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class BigRenameTests {

    static final int OP_EDS = 1201;

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    void addATheme(@Autowired ApplicationContext site, @Autowired JdbcTemplate jdbc, @Autowired SearchIndex index) {
        SyntheticArticles synthetic = SyntheticArticles.inSite(site);
        synthetic.addFacet("topic", "theme-synthetique-geant", "Thème synthétique géant");
        List<Long> ids = new ArrayList<>();
        for (int number = 5001; number < 5001 + OP_EDS; number++) {
            String slug = synthetic.add(number, LocalDate.of(2023, 1, 2), "theme-synthetique-geant");
            ids.add(jdbc.queryForObject("select id from article where slug = ?", Long.class, slug));
        }
        index.reindex(ids);
        indexed();
    }

    /** Returns once what was given to the index can be searched: at once here, later on a search cluster. */
    void indexed() {}

    @Test
    void everyOpEdOfARenamedThemeIsFoundUnderItsNewName(@Autowired Topics topics) throws Exception {
        assertThat(found("géant")).isEqualTo(OP_EDS);

        long theme = ((Facet) topics.findBySlug("theme-synthetique-geant").orElseThrow()).id();
        topics.update(theme, "Thème synthétique colossal", "theme-synthetique-geant", null);
        indexed();

        // More than a batch: indexed again in the background, found a little later.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (found("colossal") < OP_EDS && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(found("colossal")).isEqualTo(OP_EDS);
        assertThat(found("géant")).isZero();
        // The rename itself was kept, not dropped with what the index let go of between batches.
        assertThat(((Facet) topics.findBySlug("theme-synthetique-geant").orElseThrow()).name())
                .isEqualTo("Thème synthétique colossal");
    }

    /** How many op-eds a search lists, as its page counts them (« 1 201 tribunes trouvées »). */
    private int found(String words) throws Exception {
        var result = mvc.get().uri("/recherche").param("q", words).exchange();
        assertThat(result).hasStatusOk();
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (page.contains("Aucune tribune trouvée")) {
            return 0;
        }
        var count = java.util.regex.Pattern.compile("([0-9][0-9\u202f\u00a0 ]*) tribunes? trouvées?")
                .matcher(page);
        assertThat(count.find()).as("a count of op-eds found").isTrue();
        return Integer.parseInt(count.group(1).replaceAll("[^0-9]", ""));
    }
}
