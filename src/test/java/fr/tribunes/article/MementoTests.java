package fr.tribunes.article;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * An op-ed's versions as a web archive's client (Memento, RFC 7089) finds them: the op-ed page names its TimeGate
 * and TimeMap, the TimeMap lists every version with its date, the TimeGate sends a request for a date to the
 * version shown then, and each version is served with its {@code Memento-Datetime}. A synthetic op-ed corrected
 * twice, and the seed, never corrected, which has one version.
 */
@SiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MementoTests {

    static final int N = 9300;

    /** HTTP's dates (IMF-fixdate): « Sat, 05 Dec 2026 12:31:16 GMT », the day in two digits. */
    static final DateTimeFormatter HTTP =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /** The link-format entries of a TimeMap: target, then parameters. */
    static final Pattern LINK = Pattern.compile("<([^>]+)>;([^\\n]*?)(?:,\\n|\\n?$)");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    String slug;

    String path;

    /** When each version was saved. */
    List<Instant> saved = new ArrayList<>();

    @BeforeAll
    void corrected(@Autowired ArticleEditor editor, @Autowired TestClock clock) throws Exception {
        ArticleDraft draft = SyntheticArticles.draft(N)
                .withText("Premier état du paragraphe synthétique.")
                .withSlug(SyntheticArticles.slug(N));
        draft = new ArticleDraft(
                draft.title(),
                draft.slug(),
                null,
                draft.text(),
                "2020",
                false,
                null,
                null,
                null,
                List.of(new ArticleDraft.Byline("Auteur synthétique des versions", null, null, null, null)),
                List.of(),
                List.of());
        long id = editor.create(draft, "test");
        clock.advance(Duration.ofMinutes(1));
        editor.publish(id, "test");
        saved.add(clock.instant());
        clock.advance(Duration.ofDays(1));
        editor.save(
                id,
                version(editor, id),
                draft.withText("Deuxième état du paragraphe synthétique."),
                "Coquille",
                "test");
        saved.add(clock.instant());
        clock.advance(Duration.ofDays(1));
        editor.save(
                id, version(editor, id), draft.withText("Troisième état du paragraphe synthétique."), "Autre", "test");
        saved.add(clock.instant());
        slug = SyntheticArticles.slug(N);
        path = "/tribunes/" + slug;
    }

    private static long version(ArticleEditor editor, long id) {
        return editor.find(id).orElseThrow().version();
    }

    @Test
    void theOpEdPageNamesItsTimeGateAndTimeMap() {
        MvcTestResult page = mvc.get().uri(path).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getHeader("Link"))
                .contains("<http://localhost:8080" + path + "/memento>; rel=\"timegate\"")
                .contains("<http://localhost:8080" + path
                        + "/versions>; rel=\"timemap\"; type=\"application/link-format\"");
    }

    @Test
    void theTimeMapListsEveryVersionWithItsDate() throws Exception {
        List<String[]> links = timeMap(path);
        String original = "http://localhost:8080" + path;
        assertThat(links.get(0)).containsExactly(original, "rel=\"original\"");
        assertThat(links.get(1)).containsExactly(original + "/memento", "rel=\"timegate\"");
        assertThat(links.get(2)[0]).isEqualTo(original + "/versions");
        assertThat(links.get(2)[1])
                .contains("rel=\"self\"", "type=\"application/link-format\"")
                .contains("from=\"" + http(saved.get(0)) + "\"", "until=\"" + http(saved.get(2)) + "\"");
        assertThat(links.subList(3, links.size()))
                .extracting(link -> link[0] + " " + link[1])
                .containsExactly(
                        original + "/versions/1 rel=\"first memento\";datetime=\"" + http(saved.get(0)) + "\"",
                        original + "/versions/2 rel=\"memento\";datetime=\"" + http(saved.get(1)) + "\"",
                        original + "/versions/3 rel=\"last memento\";datetime=\"" + http(saved.get(2)) + "\"");
    }

    @Test
    void theTimeGateSendsADateToTheVersionShownThen() {
        assertThat(timeGate(saved.get(0).plus(Duration.ofHours(1)))).endsWith(path + "/versions/1");
        assertThat(timeGate(saved.get(1))).endsWith(path + "/versions/2");
        assertThat(timeGate(saved.get(2).plus(Duration.ofDays(300)))).endsWith(path + "/versions/3");
        // Before the first version: the first, the closest there is.
        assertThat(timeGate(Instant.parse("2001-01-01T00:00:00Z"))).endsWith(path + "/versions/1");

        MvcTestResult now = mvc.get().uri(path + "/memento").exchange();
        assertThat(now).hasStatus(302);
        assertThat(now.getResponse().getHeader("Location")).endsWith(path + "/versions/3");
        assertThat(now.getResponse().getHeader("Vary")).containsIgnoringCase("accept-datetime");
        assertThat(now.getResponse().getHeader("Link"))
                .contains("<http://localhost:8080" + path + ">; rel=\"original\"", "rel=\"timemap\"");

        MvcTestResult bad = mvc.get()
                .uri(path + "/memento")
                .header("Accept-Datetime", "hier")
                .exchange();
        assertThat(bad).hasStatus(400);
        assertThat(bad.getResponse().getContentType()).startsWith("text/html");
        assertThat(body(bad)).contains("n’est pas une date HTTP");
    }

    @Test
    void eachVersionIsServedWithItsDateAndItsOwnText() {
        MvcTestResult first = mvc.get().uri(path + "/versions/1").exchange();
        assertThat(first).hasStatusOk();
        assertThat(first.getResponse().getHeader("Memento-Datetime"))
                .isEqualTo(http(saved.get(0)))
                .matches("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
        assertThat(first.getResponse().getHeader("Link"))
                .contains("<http://localhost:8080" + path + ">; rel=\"original\"")
                .contains("rel=\"timegate\"", "rel=\"timemap\"")
                .contains("<http://localhost:8080" + path + "/versions/2>; rel=\"next memento\"")
                .contains("<http://localhost:8080" + path + "/versions/3>; rel=\"last memento\"");
        assertThat(body(first))
                .contains("Premier état du paragraphe synthétique.")
                .doesNotContain("Troisième état")
                .contains("Version n° 1 sur 3", "Lire la version actuelle");

        MvcTestResult last = mvc.get().uri(path + "/versions/3").exchange();
        assertThat(body(last)).contains("Troisième état du paragraphe synthétique.", "C’est la version actuelle.");

        assertThat(mvc.get().uri(path + "/versions/4").exchange()).hasStatus(404);
        assertThat(mvc.get().uri(path + "/versions/deux").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/tribunes/aucune-tribune/versions").exchange())
                .hasStatus(404);
    }

    @Test
    void anOpEdNeverCorrectedHasOneVersionDatedWhenItEnteredTheArchive() throws Exception {
        List<String[]> links = timeMap(SeedTribune.PATH);
        Instant added = jdbc.queryForObject(
                        "select added_at from article where slug = ?", OffsetDateTime.class, SeedTribune.SLUG)
                .toInstant();
        assertThat(links).hasSize(4);
        assertThat(links.get(3)[0]).isEqualTo("http://localhost:8080" + SeedTribune.PATH + "/versions/1");
        assertThat(links.get(3)[1]).isEqualTo("rel=\"first last memento\";datetime=\"" + http(added) + "\"");
        MvcTestResult only = mvc.get().uri(SeedTribune.PATH + "/versions/1").exchange();
        assertThat(only).hasStatusOk();
        assertThat(only.getResponse().getHeader("Memento-Datetime")).isEqualTo(http(added));
        assertThat(body(only)).contains("Numergy", "C’est la version actuelle.");
    }

    private String timeGate(Instant when) {
        MvcTestResult result = mvc.get()
                .uri(path + "/memento")
                .header("Accept-Datetime", http(when))
                .exchange();
        assertThat(result).hasStatus(302);
        return result.getResponse().getHeader("Location");
    }

    private List<String[]> timeMap(String of) throws Exception {
        MvcTestResult result = mvc.get().uri(of + "/versions").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/link-format");
        String body = body(result);
        List<String[]> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(body);
        int end = 0;
        while (matcher.find()) {
            assertThat(matcher.start()).as("entries follow each other").isEqualTo(end);
            links.add(new String[] {matcher.group(1), matcher.group(2)});
            end = matcher.end();
        }
        assertThat(end).as("the whole TimeMap is read").isEqualTo(body.length());
        return links;
    }

    private static String http(Instant instant) {
        return HTTP.format(instant.atZone(ZoneOffset.UTC));
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
