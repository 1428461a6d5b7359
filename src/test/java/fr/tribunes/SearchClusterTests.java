package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.topic.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances on one PostgreSQL and one real OpenSearch node, as {@code deploy/} runs them (profiles postgres
 * and opensearch): what an editor does through one instance is what a search on the other finds, within the delay
 * the outbox polling states, and the index work of an instance that is killed is done by the others. The op-eds are
 * synthetic and say so.
 */
@Slow
class SearchClusterTests {

    /**
     * What this suite allows between a commit on one instance and a search on another that finds it: an event is
     * picked up within the polling interval (100 ms), indexed, then visible after the node's refresh (1 s).
     */
    static final Duration STATED_DELAY = Duration.ofSeconds(5);

    /** Heartbeats of the tests' instances (the profile's are 2 s and 30 s): a dead one is noticed within 4 s. */
    static final List<String> FAST_PULSE = List.of(
            "--spring.jpa.properties.hibernate.search.coordination.event_processor.pulse_interval=1000",
            "--spring.jpa.properties.hibernate.search.coordination.event_processor.pulse_expiration=4000");

    static EmbeddedPostgres postgres;

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabaseAndOneSearchNode(@TempDir Path dataDirs) throws IOException {
        OpenSearchNode.shared();
        postgres = EmbeddedPostgres.builder().start();
        first = new SpringApplicationBuilder(TribunesApplication.class).run(arguments(dataDirs.resolve("first"), 0));
        second = new SpringApplicationBuilder(TribunesApplication.class).run(arguments(dataDirs.resolve("second"), 0));
    }

    /** An instance's arguments, as the README and deploy/ configure one, on a port of its own (0: any). */
    static String[] arguments(Path dataDir, int port) {
        List<String> arguments = TwoInstancesTests.arguments(postgres, dataDir, port, "postgres,opensearch");
        arguments.add("--TRIBUNES_SEARCH_URL=" + OpenSearchNode.shared().url());
        arguments.add("--tribunes.search.index-prefix=search-cluster-tests-");
        arguments.addAll(FAST_PULSE);
        return arguments.toArray(String[]::new);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static ArticleDraft draft(int number, String sentence, String author, String theme) {
        return new ArticleDraft(
                "Tribune synthétique n° " + number + " (données de test, grappe de recherche)",
                "",
                "Chapô synthétique.",
                sentence + "\n\nDeuxième paragraphe synthétique.",
                "2024-03",
                false,
                null,
                "Média synthétique",
                "https://example.org/tribune-" + number,
                List.of(new ArticleDraft.Byline(author, null, "Rôle synthétique", null, null)),
                List.of(theme),
                List.of());
    }

    /** The search page of this instance for these words. */
    static String search(ConfigurableApplicationContext instance, String words) throws Exception {
        HttpResponse<String> page =
                TwoInstancesTests.get(instance, "/recherche?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /**
     * Searches these words on this instance until the page satisfies the condition, for the stated delay at most;
     * returns how long it took.
     */
    static Duration eventually(
            ConfigurableApplicationContext instance, String words, Predicate<String> condition, Duration delay)
            throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(delay);
        String page = search(instance, words);
        while (!condition.test(page) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            page = search(instance, words);
        }
        assertThat(page).as("search for « %s » after %s", words, delay).matches(condition);
        return Duration.between(start, Instant.now());
    }

    static Predicate<String> finds(String path) {
        return page -> page.contains("href=\"" + path + "\"");
    }

    static long idOf(FacetDirectory<?, ?> directory, String slug) {
        return ((Facet) directory.findBySlug(slug).orElseThrow()).id();
    }

    @Test
    void whatAnEditorDoesThroughOneInstanceASearchOnTheOtherFindsWithinTheStatedDelay() throws Exception {
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        long id = editor.create(
                draft(3001, "Un okapi synthétique dans le texte.", "Zéphyrin Synthétique", "Mandragore synthétique"),
                "test");
        String path = "/tribunes/" + editor.find(id).orElseThrow().slug();
        assertThat(search(second, "okapi")).contains("Aucune tribune trouvée");

        editor.publish(id, "test");
        Duration published = eventually(second, "okapi", finds(path), STATED_DELAY);
        // The French analysis on the cluster: accents, capitals and plural do not matter.
        assertThat(search(second, "OKAPIS")).contains("href=\"" + path + "\"");

        editor.save(
                id,
                editor.find(id).orElseThrow().version(),
                draft(3001, "Un ocelot synthétique dans le texte.", "Zéphyrin Synthétique", "Mandragore synthétique"),
                "Correction synthétique",
                "test");
        Duration corrected = eventually(second, "ocelot", finds(path), STATED_DELAY);
        assertThat(search(second, "okapi")).doesNotContain("href=\"" + path + "\"");

        Authors authors = first.getBean(Authors.class);
        long author = idOf(authors, "zephyrin-synthetique");
        authors.update(author, "Ambroisine Synthétique", "zephyrin-synthetique", null);
        Duration authorRenamed = eventually(second, "ambroisine", finds(path), STATED_DELAY);
        assertThat(search(second, "zéphyrin")).doesNotContain("href=\"" + path + "\"");

        Topics topics = first.getBean(Topics.class);
        long topic = idOf(topics, "mandragore-synthetique");
        topics.update(topic, "Passiflore synthétique", "passiflore-synthetique", null);
        Duration topicRenamed = eventually(second, "passiflore", finds(path), STATED_DELAY);
        assertThat(search(second, "mandragore")).doesNotContain("href=\"" + path + "\"");

        editor.unpublish(id);
        // Not even counted: gone from the index, not only left out when the hits are loaded from the database.
        Duration withdrawn =
                eventually(second, "ocelot", page -> page.contains("Aucune tribune trouvée"), STATED_DELAY);

        System.out.printf(
                "Search cluster: found on the other instance %s after publication, %s after correction, %s after an"
                        + " author's rename, %s after a theme's; gone %s after withdrawal%n",
                published, corrected, authorRenamed, topicRenamed, withdrawn);
    }

    @Test
    void theIndexWorkOfAKilledInstanceIsDoneByTheOthers(@TempDir Path dataDir) throws Exception {
        // A third instance in a JVM of its own, so that it can be killed as a machine dies: no goodbye to the others.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                TribunesApplication.class.getName()));
        command.addAll(List.of(arguments(dataDir, port)));
        Path log = Files.createTempFile(dataDir, "third", ".log");
        Process third = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        try {
            // Three event processors, each with its share of the op-eds.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (runningProcessors(jdbc) != 3 && Instant.now().isBefore(deadline) && third.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(runningProcessors(jdbc))
                    .as("processors sharing the work; the third instance's log: %s", log)
                    .isEqualTo(3);
        } finally {
            third.destroyForcibly().waitFor();
        }

        // Killed: its processor's share of what follows waits in the outbox until the others see it is gone.
        ArticleEditor editor = first.getBean(ArticleEditor.class);
        for (int number = 3101; number <= 3130; number++) {
            long id = editor.create(
                    draft(number, "Un tamarin synthétique.", "Auteur synthétique " + number, "Thème synthétique"),
                    "test");
            editor.publish(id, "test");
        }
        Thread.sleep(1500);
        assertThat(SearchCluster.pending(jdbc))
                .as("events of the killed instance's share, 1.5 s after their commit")
                .isPositive();

        Duration takenOver = eventually(
                second,
                "tamarin",
                page -> page.contains("30 tribunes trouvées"),
                Duration.ofSeconds(4).plus(Duration.ofSeconds(10)));
        assertThat(SearchCluster.pending(jdbc)).isZero();
        assertThat(runningProcessors(jdbc)).isEqualTo(2);
        System.out.printf("Search cluster: the killed instance's share indexed by the others %s later%n", takenOver);
    }

    /** Event processors in the cluster, all agreed on how many share the work (each running its share). */
    static int runningProcessors(JdbcTemplate jdbc) {
        List<Integer> totals = jdbc.queryForList(
                "select total_shard_count from hsearch_agent"
                        + " where type = 'EVENT_PROCESSING_DYNAMIC_SHARDING' and state = 'RUNNING'",
                Integer.class);
        return totals.stream().allMatch(total -> total != null && total == totals.size()) ? totals.size() : -1;
    }
}
