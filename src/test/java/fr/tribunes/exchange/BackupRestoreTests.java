package fr.tribunes.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.Slow;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.TribunesApplication;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.exchange.ExchangeRoundTripTests.Fetched;
import fr.tribunes.search.SearchIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backup restored into an empty data directory gives back the same archive: the same public site byte for byte
 * (every page type, the correction history, a former address, an approved comment, search), and editors who can
 * still sign in with their passwords.
 */
@Slow
class BackupRestoreTests {

    private static final String EDITOR = "redaction-synthetique";

    private static final String PASSWORD = "mot de passe synthétique pour les tests";

    private static final String SECOND_EDITOR = "editeur-synthetique";

    private static final String SECOND_PASSWORD = "autre mot de passe synthétique";

    private static final String COMMENT = "Commentaire synthétique, écrit pour les tests, qui doit survivre.";

    private static final String MOVED = "tribune-synthetique-2-nouvelle-adresse";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBackupRestoredIntoAnEmptyDataDirectoryGivesBackTheSameArchive() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path backup = temp.resolve("sauvegarde");
        List<String> paths;
        Map<String, Fetched> before;
        try (ConfigurableApplicationContext app = start(first)) {
            paths = fill(app);
            before = ExchangeRoundTripTests.fetch(app, paths);
        }

        assertThat(command("backup", backup.toString(), "--tribunes.data-dir=" + first))
                .as(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(ExchangeCommand.SUCCESS);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Sauvegarde écrite dans " + backup.toAbsolutePath()
                        + " : la base de données (base/tribunes.sql.gz) et l’export de 4 tribunes publiées et"
                        + " 1 brouillon ;");
        assertThat(backup.resolve("export/" + MOVED + ".md")).exists();
        assertThat(backup.resolve("export/facettes.yaml")).exists();
        assertThat(Files.readString(backup.resolve("LISEZMOI.txt"))).contains("restore");
        assertThat(Files.readString(backup.resolve("SHA256SUMS")))
                .contains("  base/tribunes.sql.gz\n", "  export/facettes.yaml\n", "  LISEZMOI.txt\n");
        BackupManifest manifest = BackupManifest.read(backup.toAbsolutePath()).orElseThrow();
        assertThat(manifest.format()).isEqualTo("tribunes-backup/1");
        assertThat(List.of(manifest.published(), manifest.drafts())).containsExactly(4, 1);
        assertThat(manifest.dump().path()).isEqualTo("base/tribunes.sql.gz");
        // Owner-only: password hashes and commenters' addresses are in there.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("base/tribunes.sql.gz"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(backup.resolve("export/" + MOVED + ".md"))))
                .isEqualTo("rw-------");
        // Written aside, then renamed: nothing else is left beside it.
        try (var siblings = Files.list(temp)) {
            assertThat(siblings.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .isEmpty();
        }

        // A backup never mixes with other files.
        assertThat(command("backup", backup.toString(), "--tribunes.data-dir=" + first))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Sauvegarde refusée : " + backup
                        + " n’est pas vide : sauvegardez dans un dossier vide ou nouveau.\n");

        assertThat(command("restore", backup.toString(), "--tribunes.data-dir=" + second))
                .as(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(ExchangeCommand.SUCCESS);
        // The seed and three synthetic op-eds are published, and all four are in the rebuilt index.
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Restauration faite dans " + second
                        + " : 4 tribunes publiées, index de recherche reconstruit (4 tribunes).\n");

        // Restoring over an archive is refused, and leaves it as it was.
        long size = Files.size(second.resolve("tribunes.mv.db"));
        assertThat(command("restore", backup.toString(), "--tribunes.data-dir=" + second))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Restauration refusée : le dossier de données " + second
                        + " n’est pas vide : restaurez dans un dossier vide ou nouveau. Rien n’a été modifié.\n");
        assertThat(Files.size(second.resolve("tribunes.mv.db"))).isEqualTo(size);

        try (ConfigurableApplicationContext app = start(second)) {
            assertSameArchive(app, paths, before);
        }
        assertComparedSomething(before);

        // A backup altered since it was written is refused before anything is written.
        Files.writeString(backup.resolve("export/facettes.yaml"), "# ajouté après coup\n", StandardOpenOption.APPEND);
        Path third = temp.resolve("third");
        assertThat(command("restore", backup.toString(), "--tribunes.data-dir=" + third))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Restauration refusée : la sauvegarde " + backup.toAbsolutePath()
                        + " n’est pas entière : export/facettes.yaml a été modifié ou abîmé (empreinte SHA-256"
                        + " différente). Rien n’a été modifié.\n");
        assertThat(third).doesNotExist();
    }

    /** A backup that fails half-way (here, the export of the op-eds) leaves nothing behind, not even hidden. */
    @Test
    void aBackupThatFailsLeavesNothingThatLooksLikeABackup() throws Exception {
        Path backups = temp.resolve("sauvegardes");
        try (ConfigurableApplicationContext app = start(temp.resolve("data"))) {
            ExchangeRoundTripTests.write(app);
            TaskProgress failing = new TaskProgress() {
                @Override
                void step() {
                    if (done() == 2) {
                        throw new IllegalStateException("disque plein (panne simulée par le test)");
                    }
                    super.step();
                }
            };
            assertThatThrownBy(() -> app.getBean(ArchiveBackup.class).backup(backups.resolve("echec"), failing))
                    .isInstanceOf(ArchiveBackup.BackupRefusedException.class)
                    .hasMessage("la lecture de l’archive a échoué (disque plein (panne simulée par le test)).");
        }
        try (var left = Files.list(backups)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * Fills a new archive with what a backup must keep: the synthetic op-eds of {@link ExchangeRoundTripTests}, a
     * correction, a changed address, a second editor, an approved comment. Returns the public addresses to compare.
     */
    static List<String> fill(ConfigurableApplicationContext app) throws Exception {
        ExchangeRoundTripTests.write(app);
        ArticleEditor editor = app.getBean(ArticleEditor.class);
        // A published op-ed given a new address: the old one answers 301 (former_slug).
        long moved = editor.list(SyntheticArticles.title(2), 5).get(0).id();
        ArticleEditor.Edited edited = editor.find(moved).orElseThrow();
        editor.save(moved, edited.version(), edited.draft().withSlug(MOVED), "Adresse synthétique changée", "test");

        Site site = new Site(app);
        site.signIn(EDITOR, PASSWORD);
        site.addEditor(SECOND_EDITOR, SECOND_PASSWORD);
        site.comment(SyntheticArticles.slug(1), COMMENT);
        site.approveAll();

        List<String> paths = new ArrayList<>(ExchangeRoundTripTests.publicPaths(app));
        paths.addAll(List.of(
                "/tribunes/" + MOVED,
                "/tribunes/" + MOVED + "/historique",
                "/tribunes/" + SyntheticArticles.slug(3) + "/historique",
                "/recherche?q=synth%C3%A9tique&tri=date",
                "/recherche?q=nouvelle"));
        return paths;
    }

    /**
     * The restored archive, started, is the one {@link #fill} wrote: the same pages byte for byte (but for the
     * comment form's signed token), the search index rebuilt, and both editors signing in with their passwords.
     */
    static void assertSameArchive(ConfigurableApplicationContext app, List<String> paths, Map<String, Fetched> before)
            throws Exception {
        assertThat(app.getBean(SearchIndex.class).indexedCount()).isEqualTo(4);
        Map<String, Fetched> after = ExchangeRoundTripTests.fetch(app, paths);
        SoftAssertions.assertSoftly(softly -> {
            for (String path : paths) {
                softly.assertThat(after.get(path).status())
                        .as(path)
                        .isEqualTo(before.get(path).status());
                softly.assertThat(after.get(path).text())
                        .as(path)
                        .isEqualTo(before.get(path).text());
            }
        });

        Site site = new Site(app);
        assertThat(site.signIn(EDITOR, "pas le bon mot de passe")).contains("/connexion");
        assertThat(site.signIn(EDITOR, PASSWORD)).endsWith("/admin/tribunes");
        assertThat(site.get("/admin/editeurs")).contains(SECOND_EDITOR);
        Site other = new Site(app);
        assertThat(other.signIn(SECOND_EDITOR, SECOND_PASSWORD)).endsWith("/admin/tribunes");
    }

    /** The comparison compared something: each kind of data a backup must keep is on the pages compared. */
    static void assertComparedSomething(Map<String, Fetched> before) {
        assertThat(before.get("/tribunes/" + SyntheticArticles.slug(1)).text()).contains(COMMENT);
        assertThat(before.get("/tribunes/" + SyntheticArticles.slug(2)).status())
                .isEqualTo(301);
        assertThat(before.get("/tribunes/" + SyntheticArticles.slug(3) + "/historique")
                        .text())
                .contains("Correction synthétique");
        assertThat(before.get("/tribunes/" + MOVED + "/historique").text()).contains("Adresse synthétique changée");
        assertThat(before.get("/recherche?q=synth%C3%A9tique").text()).contains(SyntheticArticles.title(3));
        assertThat(before.get("/").text()).contains(SyntheticArticles.title(1));
    }

    @Test
    void anEditorBacksUpFromTheBackOfficeWhileTheSiteServes() throws Exception {
        Path data = temp.resolve("data");
        Path backups = temp.resolve("sauvegardes");
        try (ConfigurableApplicationContext app = start(data, "--tribunes.backups-dir=" + backups)) {
            Site site = new Site(app);
            site.signIn(EDITOR, PASSWORD);
            String page = site.get("/admin/sauvegardes");
            assertThat(page).contains("Aucune sauvegarde pour l’instant.", backups.toString());
            assertThat(site.post("/admin/sauvegardes", Map.of("_csrf", Site.csrf(page))))
                    .endsWith("/admin/sauvegardes");
            // Written in the background: the page shows the progress and refreshes itself until it is done.
            page = waitForTask(site);
            List<Path> written;
            try (var folders = Files.list(backups)) {
                written = folders.toList();
            }
            assertThat(written).hasSize(1);
            Path folder = written.get(0);
            assertThat(page)
                    .doesNotContain("http-equiv=\"refresh\"")
                    .contains("Sauvegarde écrite dans " + folder
                            + "\u202f: la base entière et l’export de 1 tribune publiée et 0 brouillon.")
                    .contains("<strong>" + folder.getFileName() + "</strong>")
                    .contains("1 tribune publiée, 0 brouillon")
                    .contains("manifeste en ordre, empreintes non vérifiées depuis le démarrage");

            // Altered on disk: the full verification, asked for from the page, says so.
            String readme = Files.readString(folder.resolve("LISEZMOI.txt"));
            Files.writeString(folder.resolve("LISEZMOI.txt"), "remplacé");
            assertThat(site.post(
                            "/admin/sauvegardes/" + folder.getFileName() + "/verification",
                            Map.of("_csrf", Site.csrf(page))))
                    .endsWith("/admin/sauvegardes");
            page = waitForTask(site);
            assertThat(page)
                    .contains("LISEZMOI.txt a été modifié ou abîmé (empreinte SHA-256 différente).")
                    .contains("Incomplète ou abîmée");
            // Put back as it was, it restores.
            Files.writeString(folder.resolve("LISEZMOI.txt"), readme);
            assertThat(folder.resolve("base/tribunes.sql.gz")).exists();
            assertThat(folder.resolve("export/facettes.yaml")).exists();

            // Restorable while the site goes on serving from its own data directory.
            assertThat(command("restore", folder.toString(), "--tribunes.data-dir=" + temp.resolve("restored")))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(ExchangeCommand.SUCCESS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 tribune publiée");
            assertThat(site.get("/")).contains("Tribunes");
        }
    }

    @Test
    void aFolderThatIsNotABackupIsRefused() throws Exception {
        Path notABackup = Files.createDirectories(temp.resolve("vide"));
        assertThat(command("restore", notABackup.toString(), "--tribunes.data-dir=" + temp.resolve("data")))
                .isEqualTo(ExchangeCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Restauration refusée : " + notABackup
                        + " n’est pas une sauvegarde de Tribunes (il y manque base/tribunes.sql.gz).\n");
        assertThat(temp.resolve("data")).doesNotExist();

        assertThat(command("restore", temp.resolve("absente").toString())).isEqualTo(ExchangeCommand.USAGE);
        assertThat(command("backup")).isEqualTo(ExchangeCommand.USAGE);
    }

    /** The backups page once the task it runs has ended; while it runs, the page refreshes itself. */
    private static String waitForTask(Site site) throws Exception {
        String page = site.get("/admin/sauvegardes");
        for (int i = 0; i < 600 && page.contains("En cours"); i++) {
            assertThat(page).contains("http-equiv=\"refresh\"");
            Thread.sleep(50);
            page = site.get("/admin/sauvegardes");
        }
        return page;
    }

    private int command(String... args) {
        return command(out, err, args);
    }

    /** Runs a command as {@code java -jar tribunes.jar …} would, its output and errors written to the two streams. */
    static int command(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        out.reset();
        err.reset();
        return ExchangeCommand.run(
                TribunesApplication.class,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The application on {@code dataDir} with its web server, the first editor {@link #EDITOR}. */
    static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tribunes.data-dir=" + dataDir,
                "--tribunes.admin.username=" + EDITOR,
                "--tribunes.admin.password=" + PASSWORD,
                "--tribunes.comments.min-delay=0s"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(TribunesApplication.class).run(args.toArray(String[]::new));
    }

    /** The site as one browser sees it: its own cookies, forms sent with the token the page gave. */
    private static final class Site {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final String base;

        private final HttpClient client;

        Site(ConfigurableApplicationContext app) {
            this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            this.client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }

        /** Posts a form; returns where the answer redirects to. */
        String post(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", base)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 303);
            return response.headers().firstValue("Location").orElse("");
        }

        String signIn(String username, String password) throws Exception {
            return post(
                    "/connexion", Map.of("username", username, "password", password, "_csrf", csrf(get("/connexion"))));
        }

        void addEditor(String username, String password) throws Exception {
            post(
                    "/admin/editeurs",
                    Map.of(
                            "username",
                            username,
                            "password",
                            password,
                            "confirmation",
                            password,
                            "_csrf",
                            csrf(get("/admin/editeurs"))));
        }

        void comment(String slug, String text) throws Exception {
            Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(get("/tribunes/" + slug));
            assertThat(token.find()).isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("comment", text);
            fields.put("name", "Lectrice synthétique");
            fields.put("email", "lectrice@example.org");
            fields.put("website", "");
            fields.put("subject", "");
            fields.put("token", token.group(1));
            post("/tribunes/" + slug + "/commentaires", fields);
        }

        /** Approves every comment waiting in the moderation queue. */
        void approveAll() throws Exception {
            String queue = get("/admin/commentaires");
            Matcher ids = Pattern.compile("name=\"ids\" value=\"([0-9]+)\"").matcher(queue);
            assertThat(ids.find()).as(queue).isTrue();
            assertThat(post(
                            "/admin/commentaires",
                            Map.of("action", "approuver", "ids", ids.group(1), "_csrf", csrf(queue))))
                    .contains("/admin/commentaires");
        }

        static String csrf(String page) {
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as(page).isTrue();
            return matcher.group(1);
        }
    }
}
