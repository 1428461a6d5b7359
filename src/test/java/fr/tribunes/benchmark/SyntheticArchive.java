package fr.tribunes.benchmark;

import fr.tribunes.SeedTribune;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.internal.ArticleListings;
import fr.tribunes.search.SearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds a synthetic archive for benchmarks, in its own data directory, through the application itself (its
 * Flyway migrations, then plain JDBC, then its search index): N op-eds in all, the seeded tribune among them, the
 * others titled « Tribune synthétique n° N », with French-like text of an op-ed's length made from the seed's
 * vocabulary; 2,000 authors, 300 themes and 1,000 organisations in all (the seed's real ones first, then
 * synthetic ones, named as such). Nothing here is attributed to a real person: bylines are synthetic authors with
 * synthetic organisations; the real organisations may only be named in the text's list of organisations.
 *
 * <p>Themes, organisations, authors and words are drawn by Zipf's law, as in a real archive: a few are
 * everywhere, most are rare. The first theme, « cloud souverain », is on about three op-eds in ten, so that its
 * list runs past 500 pages in an archive of 100,000.
 *
 * <p>Writes {@code bench.env} in the data directory: the addresses the benchmark measures (the seeded op-ed, the
 * biggest theme, the most prolific author) with their sizes, as shell variables.
 *
 * <p>Usage (from the project directory): {@code bench/run.sh} or {@code bench/search.sh}, or
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.tribunes.benchmark.SyntheticArchive -Dexec.args="DATA_DIR COUNT [ARGUMENTS...]"}. Run again
 * on the same directory, it adds what is missing and indexes again only if the index is not complete.
 *
 * <p>The data directory holds a file, {@code synthetic-archive}, naming the version of this generator that made the
 * archive: a directory with an H2 database ({@code tribunes.mv.db}) or that file, but made by another version (or
 * by something else: an H2 database without it), is refused. ARGUMENTS go to the application after this generator's
 * own, for another database or search backend: e.g. {@code --spring.profiles.active=postgres,opensearch
 * --TRIBUNES_DB_URL=jdbc:postgresql://127.0.0.1:55432/tribunes --TRIBUNES_DB_USER=tribunes
 * --TRIBUNES_DB_PASSWORD=… --TRIBUNES_SEARCH_URL=http://127.0.0.1:59200} (bench/search-cluster.sh). The data
 * directory then stands for that database: its {@code synthetic-archive} file says that a run of this version
 * began filling it, and {@code bench.env} describes it; a database already holding op-eds is added to, whatever
 * made them, so give it an empty database, with a new data directory.
 */
public final class SyntheticArchive {

    /** Written in the data directory; an archive made by another version of this generator is refused. */
    static final String VERSION = "synthetic-archive 2";

    static final int AUTHORS = 2_000;

    static final int TOPICS = 300;

    static final int ORGANISATIONS = 1_000;

    static final int BATCH = 1_000;

    static final List<String> ROLES = List.of(
            "Président",
            "Présidente",
            "Directeur général",
            "Directrice générale",
            "Délégué général",
            "Directeur technique",
            "Chercheuse",
            "Fondateur",
            "Associée");

    private SyntheticArchive() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        List<String> more = Arrays.asList(args).subList(2, args.length);
        Path marker = dataDir.resolve("synthetic-archive");
        // The marker alone says that an archive was begun here: in H2's file in the directory, or in the database
        // the arguments name.
        if (Files.exists(dataDir.resolve("tribunes.mv.db")) || Files.exists(marker)) {
            String made = Files.exists(marker) ? Files.readString(marker).strip() : "nothing";
            if (!VERSION.equals(made)) {
                System.err.printf(
                        "%s holds an archive not made by %s (but by %s): delete the directory first%n",
                        dataDir, VERSION, made);
                System.exit(1);
            }
        } else {
            Files.createDirectories(dataDir);
            Files.writeString(marker, VERSION + "\n");
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--tribunes.data-dir=" + dataDir,
                "--spring.main.banner-mode=off",
                // On disk, where the application finds it, whatever the tests' configuration says.
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem"));
        arguments.addAll(more);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TribunesApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new))) {
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
            // Written with plain SQL: the lists and counts the application keeps are made once, whole.
            long listed =
                    jdbc.queryForObject("select count(*) from article_listing where facet_kind = 'ALL'", Long.class);
            long published = jdbc.queryForObject("select count(*) from article where status = 'PUBLISHED'", Long.class);
            if (listed != published) {
                long start = System.nanoTime();
                app.getBean(ArticleListings.class).rebuild();
                System.out.printf("listed %d op-eds in %.1f s%n", published, (System.nanoTime() - start) / 1e9);
            }
            SearchIndex index = app.getBean(SearchIndex.class);
            long inDatabase = jdbc.queryForObject("select count(*) from article", Long.class);
            if (index.indexedCount() == inDatabase) {
                System.out.printf("index already holds %d op-eds%n", inDatabase);
            } else {
                long millis = index.rebuild();
                System.out.printf("indexed %d op-eds in %.1f s%n", index.indexedCount(), millis / 1e3);
            }
            writeTargets(jdbc, dataDir.resolve("bench.env"));
        }
    }

    static void generate(JdbcTemplate jdbc, int count) {
        Random random = new Random(42);
        Words words = new Words(vocabulary());
        topUp(jdbc, "author", AUTHORS, "auteur-synthetique-", "Auteur synthétique n° ");
        // Synthetic op-eds are signed by synthetic authors only, never by a real person.
        List<Long> authors = jdbc.queryForList(
                "select id from author where slug like 'auteur-synthetique-%' order by id", Long.class);
        List<Long> topics = topUp(jdbc, "topic", TOPICS, "theme-synthetique-", "Thème synthétique n° ");
        List<Long> organisations =
                topUp(jdbc, "organisation", ORGANISATIONS, "organisation-synthetique-", "Organisation synthétique n° ");
        Map<Long, String> organisationNames = new HashMap<>();
        jdbc.query(
                "select id, name from organisation where slug like 'organisation-synthetique-%'",
                rs -> {
                    organisationNames.put(rs.getLong(1), rs.getString(2));
                });
        // Bylines name synthetic organisations only; the text's list of organisations may name real ones.
        List<Long> employers =
                organisations.stream().filter(organisationNames::containsKey).toList();
        Zipf authorRank = new Zipf(authors.size(), 0.7);
        Zipf topicRank = new Zipf(topics.size(), 1.0);
        Zipf organisationRank = new Zipf(organisations.size(), 1.0);
        Zipf employerRank = new Zipf(employers.size(), 0.7);

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
                    "Tribune synthétique n° " + id + " : " + capitalise(words.phrase(random, 6 + random.nextInt(6))),
                    capitalise(words.phrase(random, 25 + random.nextInt(20))) + ".",
                    Date.valueOf(day)
                });
                // About 700 words, as long as a real op-ed: 7 to 12 paragraphs, a section heading every four.
                int paragraphs = 7 + random.nextInt(6);
                int position = 0;
                for (int p = 1; p <= paragraphs; p++) {
                    if (p % 4 == 0) {
                        blocks.add(new Object[] {
                            id, ++position, "HEADING", capitalise(words.phrase(random, 3 + random.nextInt(3)))
                        });
                    }
                    blocks.add(new Object[] {id, ++position, "PARAGRAPH", words.paragraph(random)});
                }
                // Most op-eds have one author, some two or three.
                int signed = random.nextInt(100);
                Set<Long> byline = pick(random, authors, authorRank, signed < 80 ? 1 : signed < 95 ? 2 : 3);
                int place = 0;
                for (Long author : byline) {
                    String role = ROLES.get(random.nextInt(ROLES.size()));
                    Long employer = random.nextInt(10) < 7 ? employers.get(employerRank.next(random)) : null;
                    String credit = employer == null ? role : role + " d’" + organisationNames.get(employer);
                    signatures.add(new Object[] {id, ++place, author, role, employer, credit});
                }
                for (Long topic : pick(random, topics, topicRank, 1 + random.nextInt(3))) {
                    topicLinks.add(new Object[] {id, topic});
                }
                for (Long organisation : pick(random, organisations, organisationRank, random.nextInt(5))) {
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
                    "insert into article_author (article_id, position, author_id, role, organisation_id, credit)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    signatures);
            jdbc.batchUpdate("insert into article_topic (article_id, topic_id) values (?, ?)", topicLinks);
            jdbc.batchUpdate("insert into article_organisation (article_id, organisation_id) values (?, ?)", mentions);
        }
        restart(jdbc, "article", firstArticle + count);
    }

    /**
     * Adds synthetic rows to an author, theme or organisation table until it holds {@code total} (the real ones
     * included); returns every key, the oldest (the real ones) first.
     */
    static List<Long> topUp(JdbcTemplate jdbc, String table, int total, String slugPrefix, String namePrefix) {
        long existing = jdbc.queryForObject("select count(*) from " + table, Long.class);
        if (existing < total) {
            long first = nextId(jdbc, table);
            List<Object[]> rows = new ArrayList<>();
            for (long id = first; id < first + total - existing; id++) {
                rows.add(new Object[] {id, slugPrefix + id, namePrefix + id});
            }
            jdbc.batchUpdate("insert into " + table + " (id, slug, name) values (?, ?, ?)", rows);
            restart(jdbc, table, first + rows.size());
        }
        return jdbc.queryForList("select id from " + table + " order by id", Long.class);
    }

    /** The addresses to measure, with their sizes, for bench/run.sh to read. */
    static void writeTargets(JdbcTemplate jdbc, Path file) throws IOException {
        String seed = jdbc.queryForObject("select slug from article order by id fetch first 1 row only", String.class);
        Map<String, Object> theme = jdbc.queryForMap("select t.slug, count(*) as op_eds from article_topic l"
                + " join topic t on t.id = l.topic_id group by t.slug order by count(*) desc, t.slug"
                + " fetch first 1 row only");
        Map<String, Object> author = jdbc.queryForMap("select a.slug, count(*) as op_eds from article_author l"
                + " join author a on a.id = l.author_id group by a.slug order by count(*) desc, a.slug"
                + " fetch first 1 row only");
        Map<String, Object> organisation = jdbc.queryForMap("select o.slug, c.articles as op_eds from facet_count c"
                + " join organisation o on o.id = c.facet_id where c.facet_kind = 'ORGANISATION'"
                + " order by c.articles desc, o.slug fetch first 1 row only");
        Map<String, Object> year =
                jdbc.queryForMap("select facet_id as listed_year, articles as op_eds from facet_count"
                        + " where facet_kind = 'YEAR' order by articles desc, facet_id fetch first 1 row only");
        long total = jdbc.queryForObject("select count(*) from article", Long.class);
        String env = """
                # Written by SyntheticArchive: what bench/run.sh measures in this archive.
                OP_EDS=%d
                OP_ED=%s
                THEME=%s
                THEME_OP_EDS=%s
                AUTHOR=%s
                AUTHOR_OP_EDS=%s
                ORGANISATION=%s
                ORGANISATION_OP_EDS=%s
                YEAR=%s
                YEAR_OP_EDS=%s
                """.formatted(
                        total,
                        seed,
                        theme.get("slug"),
                        theme.get("op_eds"),
                        author.get("slug"),
                        author.get("op_eds"),
                        organisation.get("slug"),
                        organisation.get("op_eds"),
                        year.get("listed_year"),
                        year.get("op_eds"));
        Files.writeString(file, env);
        System.out.printf(
                "biggest theme %s: %s op-eds; most prolific author %s: %s op-eds%n",
                theme.get("slug"), theme.get("op_eds"), author.get("slug"), author.get("op_eds"));
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
        Collections.shuffle(vocabulary, new Random(7));
        return vocabulary;
    }

    /** Words drawn as in natural language. */
    static final class Words {

        private final List<String> list;

        private final Zipf rank;

        Words(List<String> list) {
            this.list = list;
            this.rank = new Zipf(list.size(), 1.0);
        }

        String phrase(Random random, int length) {
            StringBuilder phrase = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    phrase.append(' ');
                }
                phrase.append(list.get(rank.next(random)));
            }
            return phrase.toString();
        }

        /** Three to five sentences of 12 to 25 words. */
        String paragraph(Random random) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 3 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    paragraph.append(' ');
                }
                paragraph
                        .append(capitalise(phrase(random, 12 + random.nextInt(14))))
                        .append('.');
            }
            return paragraph.toString();
        }
    }

    /**
     * Ranks drawn by Zipf's law: the r-th is r^s times rarer than the first (s = 1 for words in natural language;
     * less for authors, so that the most prolific writes a few per cent of the archive, not a tenth).
     */
    static final class Zipf {

        private final double[] cumulative;

        Zipf(int size, double exponent) {
            cumulative = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1.0 / Math.pow(r + 1, exponent);
                cumulative[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                cumulative[r] /= sum;
            }
        }

        int next(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index < 0 ? -index - 1 : index);
        }
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code count} different keys, drawn by rank. */
    static Set<Long> pick(Random random, List<Long> from, Zipf rank, int count) {
        Set<Long> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, from.size())) {
            picked.add(from.get(rank.next(random)));
        }
        return picked;
    }

    static long nextId(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
    }

    /** Explicit keys were inserted: the identity must carry on after them. */
    static void restart(JdbcTemplate jdbc, String table, long next) {
        jdbc.execute("alter table " + table + " alter column id restart with " + next);
    }
}
