package fr.tribunes.search;

import static fr.tribunes.search.SearchIndexOnDiskTests.backOffice;
import static fr.tribunes.search.SearchIndexOnDiskTests.catchUp;
import static fr.tribunes.search.SearchIndexOnDiskTests.page;
import static fr.tribunes.search.SearchIndexOnDiskTests.readiness;
import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.OpenSearchNode;
import fr.tribunes.SearchCluster;
import fr.tribunes.SeedTribune;
import fr.tribunes.Slow;
import fr.tribunes.SwitchableProxy;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleEditor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The search cluster goes away and comes back (a proxy in front of the real node, cut then restored): readers get a
 * French 503 for a search and every other page as usual, editors' changes wait in the outbox with the back office
 * saying so, and once the cluster answers again they are indexed, at the editor's click or by themselves.
 */
@Slow
class SearchOutageTests {

    /** What the back office's banner says while op-eds wait. */
    static final String BEHIND = "L’index de recherche est en retard\u202f: 1 tribune n’y est pas à jour.";

    @Test
    void whileTheClusterIsAwayReadersAndEditorsAreToldAndNothingIsLost(@TempDir Path dataDir) throws Exception {
        try (SwitchableProxy proxy = new SwitchableProxy(OpenSearchNode.shared().port());
                ConfigurableApplicationContext app = new SpringApplicationBuilder(TribunesApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.profiles.active=opensearch",
                                "--tribunes.data-dir=" + dataDir,
                                "--TRIBUNES_SEARCH_URL=" + proxy.url(),
                                "--tribunes.search.index-prefix=search-outage-tests-",
                                // Seconds rather than the profile's minutes: events set aside after 3 tries 1 s
                                // apart, put back in line every 5 s once the cluster answers.
                                "--spring.jpa.properties.hibernate.search.coordination.event_processor.retry_delay=1",
                                "--tribunes.search.retry-aborted-every=5s",
                                "--tribunes.search.count-failed-every=200ms")) {
            ArticleEditor editor = app.getBean(ArticleEditor.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            MockMvcTester backOffice = backOffice(app);
            assertThat(SearchIndexOnDiskTests.search(app, "numergy")).contains(SeedTribune.PATH);

            proxy.cut();
            HttpResponse<String> search = get(app, "/recherche?q=" + URLEncoder.encode("état", StandardCharsets.UTF_8));
            assertThat(search.statusCode()).isEqualTo(503);
            assertThat(search.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(search.body())
                    .contains("Service momentanément indisponible")
                    .contains("Le moteur de recherche ne répond pas pour le moment.")
                    .contains("href=\"/themes\"")
                    .contains("href=\"/recherche?q=%C3%A9tat\"")
                    .doesNotContain("Exception");
            assertThat(get(app, SeedTribune.PATH).statusCode()).isEqualTo(200);
            assertThat(get(app, "/").statusCode()).isEqualTo(200);

            // Published while the cluster is away: kept in the outbox, tried three times, then set aside.
            long first = editor.create(SyntheticArticles.draft(1), "test");
            editor.publish(first, "test");
            eventually(() -> page(backOffice, "/admin/tribunes").contains(BEHIND), "the back office's banner");
            eventually(() -> setAside(jdbc) > 0 && setAside(jdbc) == SearchCluster.pending(jdbc), "set aside");
            assertThat(catchUp(backOffice)).contains("Le rattrapage a échoué").contains(BEHIND);
            // The instance stays in the load balancer: every page but search is served.
            assertThat(readiness(app)).isEqualTo(200);

            // Back: « Rattraper maintenant » indexes what waited.
            proxy.restore();
            assertThat(catchUp(backOffice))
                    .contains("L’index de recherche est à jour.")
                    .doesNotContain("L’index de recherche est en retard");
            SearchCluster.settle(app);
            assertThat(SearchIndexOnDiskTests.search(app, "paragraphe")).contains(SyntheticArticles.slug(1));

            // Away again, and back with nobody clicking: what waited is put back in line by itself.
            proxy.cut();
            long second = editor.create(SyntheticArticles.draft(2), "test");
            editor.publish(second, "test");
            eventually(() -> page(backOffice, "/admin/tribunes").contains(BEHIND), "the back office's banner");
            eventually(() -> setAside(jdbc) > 0 && setAside(jdbc) == SearchCluster.pending(jdbc), "set aside");
            proxy.restore();
            eventually(
                    () -> SearchIndexOnDiskTests.search(app, "paragraphe").contains(SyntheticArticles.slug(2)),
                    "the op-ed published during the outage, found once the cluster is back");
            eventually(
                    () -> !page(backOffice, "/admin/tribunes").contains("L’index de recherche est en retard"),
                    "the banner gone");
            assertThat(SearchCluster.pending(jdbc)).isZero();
        }
    }

    /** Outbox events that failed three times and wait to be put back in line. */
    static long setAside(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from hsearch_outbox_event where status = 'ABORTED'", Long.class);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits up to 30 s for the check to hold. */
    static void eventually(Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        boolean holds;
        while (!(holds = check.holds()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(holds).as(what + ", within 30 s").isTrue();
    }

    static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
