package fr.tribunes.benchmark;

import fr.tribunes.SeedTribune;
import fr.tribunes.TribunesApplication;
import fr.tribunes.search.SearchIndex;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds a synthetic archive for benchmarks: N op-eds titled « Tribune synthétique n° N », with French-like
 * text made from the seed's vocabulary, synthetic authors, and the real themes and organisations; then builds
 * the search index and reports how long it took. Nothing here is attributed to a real person.
 *
 * <p>Usage (from the project directory): {@code bench/search.sh}, or
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.tribunes.benchmark.SyntheticArchive -Dexec.args="DATA_DIR COUNT"}.
 */
public final class SyntheticArchive {

    static final int AUTHORS = 500;

    static final int BATCH = 1_000;

    private SyntheticArchive() {}

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int count = Integer.parseInt(args[1]);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TribunesApplication.class)
                .web(WebApplicationType.NONE)
                .run("--tribunes.data-dir=" + dataDir, "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long existing = jdbc.queryForObject("select count(*) from article", Long.class);
            if (existing >= count) {
                System.out.printf("%s already holds %d op-eds%n", dataDir, existing);
            } else {
                long start = System.nanoTime();
                generate(jdbc, count - (int) existing);
                System.out.printf(
                        "generated %d synthetic op-eds in %.1f s%n",
                        count - existing, (System.nanoTime() - start) / 1e9);
            }
            long millis = app.getBean(SearchIndex.class).rebuild();
            System.out.printf(
                    "indexed %d op-eds in %.1f s%n",
                    app.getBean(SearchIndex.class).indexedCount(), millis / 1e3);
        }
    }

    static void generate(JdbcTemplate jdbc, int count) {
        Random random = new Random(42);
        List<String> words = vocabulary();
        List<Long> topics = jdbc.queryForList("select id from topic", Long.class);
        List<Long> organisations = jdbc.queryForList("select id from organisation", Long.class);

        long firstAuthor = nextId(jdbc, "author");
        List<Object[]> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            long id = firstAuthor + i;
            authors.add(new Object[] {id, "auteur-synthetique-" + id, "Auteur synthétique n° " + id});
        }
        jdbc.batchUpdate("insert into author (id, slug, name) values (?, ?, ?)", authors);
        restart(jdbc, "author", firstAuthor + AUTHORS);

        long firstArticle = nextId(jdbc, "article");
        for (int from = 0; from < count; from += BATCH) {
            List<Object[]> articles = new ArrayList<>();
            List<Object[]> blocks = new ArrayList<>();
            List<Object[]> signatures = new ArrayList<>();
            List<Object[]> topicLinks = new ArrayList<>();
            List<Object[]> mentions = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                long id = firstArticle + i;
                LocalDate day = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(365 * 20));
                articles.add(new Object[] {
                    id,
                    "tribune-synthetique-" + id,
                    "Tribune synthétique n° " + id + " : " + capitalise(phrase(random, words, 6 + random.nextInt(6))),
                    capitalise(phrase(random, words, 25 + random.nextInt(20))) + ".",
                    Date.valueOf(day)
                });
                int paragraphs = 3 + random.nextInt(4);
                for (int p = 1; p <= paragraphs; p++) {
                    blocks.add(new Object[] {
                        id,
                        p,
                        p == 3 ? "HEADING" : "PARAGRAPH",
                        p == 3 ? capitalise(phrase(random, words, 3 + random.nextInt(3))) : paragraph(random, words)
                    });
                }
                signatures.add(new Object[] {id, firstAuthor + random.nextInt(AUTHORS), "Auteur synthétique"});
                for (Long topic : pick(random, topics, 1 + random.nextInt(3))) {
                    topicLinks.add(new Object[] {id, topic});
                }
                for (Long organisation : pick(random, organisations, random.nextInt(4))) {
                    mentions.add(new Object[] {id, organisation});
                }
            }
            jdbc.batchUpdate(
                    "insert into article (id, slug, title, standfirst, published_on, date_precision, date_approximate,"
                            + " added_at) values (?, ?, ?, ?, ?, 'DAY', false, current_timestamp)",
                    articles);
            jdbc.batchUpdate(
                    "insert into article_block (article_id, position, kind, body) values (?, ?, ?, ?)", blocks);
            jdbc.batchUpdate(
                    "insert into article_author (article_id, position, author_id, role) values (?, 1, ?, ?)",
                    signatures);
            jdbc.batchUpdate("insert into article_topic (article_id, topic_id) values (?, ?)", topicLinks);
            jdbc.batchUpdate("insert into article_organisation (article_id, organisation_id) values (?, ?)", mentions);
        }
        restart(jdbc, "article", firstArticle + count);
    }

    /** The seed's own words, so that the synthetic text reads like the archive's French. */
    static List<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        for (String line : SeedTribune.textLines()) {
            for (String word : line.split("[\\s\\u00A0,.;:!?()«»…‘’'\"]+")) {
                if (word.length() > 2 && word.chars().allMatch(Character::isLetter)) {
                    words.add(word.toLowerCase(Locale.FRENCH));
                }
            }
        }
        words.addAll(Arrays.asList(
                "souveraineté",
                "numérique",
                "données",
                "hébergement",
                "régulation",
                "européenne",
                "concurrence",
                "innovation",
                "startups",
                "réseaux",
                "fibre",
                "télécoms",
                "algorithmes",
                "intelligence",
                "artificielle",
                "plateformes",
                "protection",
                "vie",
                "privée",
                "cybermenaces",
                "financements",
                "subventions",
                "marchés",
                "publics",
                "commande",
                "publique",
                "infrastructures",
                "centres"));
        List<String> vocabulary = new ArrayList<>(words);
        java.util.Collections.shuffle(vocabulary, new Random(7));
        return vocabulary;
    }

    static String phrase(Random random, List<String> words, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(words.get(zipf(random, words.size())));
        }
        return phrase.toString();
    }

    private static double[] cumulative;

    /**
     * A word's rank drawn as in natural language (Zipf's law: the r-th word is r times rarer than the first), so
     * that, as in a real archive, a few words are everywhere and most are rare.
     */
    static synchronized int zipf(Random random, int size) {
        if (cumulative == null || cumulative.length != size) {
            cumulative = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1.0 / (r + 1);
                cumulative[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                cumulative[r] /= sum;
            }
        }
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(size - 1, index < 0 ? -index - 1 : index);
    }

    static String paragraph(Random random, List<String> words) {
        StringBuilder paragraph = new StringBuilder();
        int sentences = 2 + random.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                paragraph.append(' ');
            }
            paragraph
                    .append(capitalise(phrase(random, words, 10 + random.nextInt(15))))
                    .append('.');
        }
        return paragraph.toString();
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static List<Long> pick(Random random, List<Long> from, int count) {
        Set<Long> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, from.size())) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return new ArrayList<>(picked);
    }

    static long nextId(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
    }

    /** Explicit keys were inserted: the identity must carry on after them. */
    static void restart(JdbcTemplate jdbc, String table, long next) {
        jdbc.execute("alter table " + table + " alter column id restart with " + next);
    }
}
