package fr.tribunes.exchange;

import fr.tribunes.article.ArticleCards;
import fr.tribunes.article.ArticleFiles.Outcome;
import fr.tribunes.capture.Imports;
import fr.tribunes.search.SearchIndex;
import fr.tribunes.storage.DataDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The {@code import}, {@code export}, {@code backup} and {@code restore} commands: the application started without its web server, on the archive
 * the usual options choose ({@code --tribunes.data-dir=…}, {@code TRIBUNES_DATA_DIR}...), one command run, then
 * stopped. Messages are in French, for the archive's editors.
 */
public final class ExchangeCommand {

    /** Everything went through. */
    public static final int SUCCESS = 0;

    /** At least one file was refused (the others were imported), or the export was refused. */
    public static final int REFUSED = 1;

    /** The command line was not understood; nothing was done. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage :
              java -jar tribunes.jar import <fichier-ou-dossier-ou-adresse>...
                  importe des tribunes (fichiers *.md) et, dans un dossier, son facettes.yaml ; en brouillons, des
                  pages enregistrées (*.html), des archives web (*.warc, *.warc.gz), des exports WordPress (*.xml)
                  et des pages à télécharger (https://…), leur capture gardée
              java -jar tribunes.jar export <dossier>
                  écrit toutes les tribunes, brouillons compris, et facettes.yaml dans <dossier>
              java -jar tribunes.jar backup <dossier>
                  sauvegarde la base entière et l’export des tribunes dans <dossier> (vide ou nouveau)
              java -jar tribunes.jar restore <dossier>
                  rétablit une sauvegarde dans un dossier de données vide ou nouveau
            Options : --tribunes.data-dir=<dossier> (ou TRIBUNES_DATA_DIR) désigne l’archive.
            """;

    private static final Set<String> COMMANDS = Set.of("import", "export", "backup", "restore");

    private ExchangeCommand() {}

    /**
     * Whether the arguments ask for a command: the first one that is not an option is {@code import},
     * {@code export}, {@code backup} or {@code restore}.
     */
    public static boolean isCommand(String... args) {
        List<String> operands = new DefaultApplicationArguments(args).getNonOptionArgs();
        return !operands.isEmpty() && COMMANDS.contains(operands.get(0));
    }

    /**
     * Runs the command.
     *
     * @param application the application's main class
     * @return the process's exit status: {@link #SUCCESS}, {@link #REFUSED} or {@link #USAGE}
     */
    public static int run(Class<?> application, String... args) {
        return run(application, args, System.out, System.err);
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> operands = new DefaultApplicationArguments(args).getNonOptionArgs();
        if (operands.isEmpty() || !COMMANDS.contains(operands.get(0))) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String command = operands.get(0);
        List<String> addresses = operands.subList(1, operands.size()).stream()
                .filter(o -> command.equals("import") && (o.startsWith("http://") || o.startsWith("https://")))
                .toList();
        List<Path> paths = operands.subList(1, operands.size()).stream()
                .filter(o -> !addresses.contains(o))
                .map(Path::of)
                .toList();
        if (command.equals("import") ? paths.isEmpty() && addresses.isEmpty() : paths.size() != 1) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (command.equals("import") || command.equals("restore")) {
            List<Path> missing = paths.stream().filter(p -> !Files.exists(p)).toList();
            if (!missing.isEmpty()) {
                missing.forEach(p -> err.println(p + " : fichier ou dossier introuvable."));
                return USAGE;
            }
        }
        if (command.equals("restore")) {
            int restored = restoreDatabase(paths.get(0), args, out, err);
            if (restored != SUCCESS) {
                return restored;
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = start(application, args);
        } catch (RuntimeException e) {
            err.println("Tribunes n’a pas pu démarrer : "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return REFUSED;
        }
        try (context) {
            return switch (command) {
                case "import" -> {
                    int captured = captured(context.getBean(Imports.class), paths, addresses, out, err);
                    List<Path> files = paths.stream()
                            .filter(p -> Imports.kindOf(p.toString()) == null)
                            .toList();
                    int exchanged = files.isEmpty()
                            ? SUCCESS
                            : importFiles(context.getBean(ArchiveExchange.class), files, out, err);
                    yield Math.max(captured, exchanged);
                }
                case "export" -> export(context.getBean(ArchiveExchange.class), paths.get(0), out, err);
                case "backup" -> backup(context.getBean(ArchiveBackup.class), paths.get(0), out, err);
                // Started on the restored database: Flyway has checked it, and the search index is rebuilt.
                default -> restored(context, out);
            };
        } catch (IOException e) {
            err.println("Erreur de lecture ou d’écriture : " + e.getMessage());
            return REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrompu.");
            return REFUSED;
        }
    }

    private static ConfigurableApplicationContext start(Class<?> source, String[] args) {
        return new SpringApplicationBuilder(source)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // Only what goes wrong: the command's own report is what the editor reads.
                .properties("logging.level.root=warn")
                .run(args);
    }

    /** No bean at all: a context started only for the settings the application would read. */
    static final class SettingsOnly {}

    /**
     * Restores the backup's database before the application opens it, with the settings it would use
     * ({@code --tribunes.data-dir}, profiles, environment variables…).
     */
    private static int restoreDatabase(Path backup, String[] args, PrintStream out, PrintStream err) {
        String url;
        String username;
        String password;
        String dataDirectory;
        String[] settingsOnly = Arrays.copyOf(args, args.length + 1);
        settingsOnly[args.length] = "--" + DataDirectory.PREPARE + "=false";
        try (ConfigurableApplicationContext settings = start(SettingsOnly.class, settingsOnly)) {
            url = settings.getEnvironment().getProperty("spring.datasource.url", "");
            username = settings.getEnvironment().getProperty("spring.datasource.username", "");
            password = settings.getEnvironment().getProperty("spring.datasource.password", "");
            dataDirectory = settings.getEnvironment().getProperty("tribunes.data-dir", "data");
        }
        try {
            ArchiveRestore.restore(backup, Path.of(dataDirectory), url, username, password);
            return SUCCESS;
        } catch (ArchiveRestore.RestoreRefusedException e) {
            err.println("Restauration refusée : " + e.getMessage());
            return REFUSED;
        } catch (IOException e) {
            err.println("Erreur de lecture ou d’écriture : " + e.getMessage());
            return REFUSED;
        }
    }

    private static int restored(ConfigurableApplicationContext context, PrintStream out) {
        long indexed = context.getBean(SearchIndex.class).indexedCount();
        out.println("Restauration faite dans " + context.getEnvironment().getProperty("tribunes.data-dir") + " : "
                + count((int) context.getBean(ArticleCards.class).count(), "tribune publiée", "tribunes publiées")
                + ", index de recherche reconstruit (" + count((int) indexed, "tribune", "tribunes") + ").");
        return SUCCESS;
    }

    private static int backup(ArchiveBackup backup, Path folder, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        try {
            ArchiveBackup.Written written = backup.backup(folder);
            BackupManifest manifest = written.manifest();
            out.println("Sauvegarde écrite dans " + written.folder() + " : la base de données ("
                    + manifest.dump().path() + ") et l’export de "
                    + count(manifest.published(), "tribune publiée", "tribunes publiées") + " et "
                    + count(manifest.drafts(), "brouillon", "brouillons") + " ; " + manifest.files()
                    + " fichiers, empreintes dans " + BackupManifest.SUMS + ".");
            return SUCCESS;
        } catch (ArchiveBackup.BackupRefusedException e) {
            err.println("Sauvegarde refusée : " + e.getMessage());
            return REFUSED;
        }
    }

    /**
     * Imports, as drafts with their capture, the saved pages, web archives and WordPress exports given, and the pages
     * at the addresses given ({@link Imports}); says what each gave.
     */
    private static int captured(
            Imports imports, List<Path> paths, List<String> addresses, PrintStream out, PrintStream err)
            throws IOException {
        int status = SUCCESS;
        List<String> sources = new java.util.ArrayList<>(addresses);
        paths.stream()
                .filter(p -> Imports.kindOf(p.toString()) != null)
                .map(Path::toString)
                .forEach(sources::add);
        for (String source : sources) {
            Imports.Report report;
            try {
                report = addresses.contains(source)
                        ? imports.importAddress(source, "import")
                        : imports.importFile(Path.of(source).getFileName().toString(), Path.of(source), "import");
            } catch (IllegalArgumentException refused) {
                err.println(source + " : " + refused.getMessage());
                status = REFUSED;
                continue;
            }
            report.refused().forEach(r -> err.println(source + " : « " + r.what() + " » non importé : " + r.reason()));
            out.println(source + " : " + count(report.created().size(), "brouillon créé", "brouillons créés")
                    + (report.captureId() == null ? "" : ", capture n° " + report.captureId() + " gardée") + ".");
            if (report.created().isEmpty()) {
                status = REFUSED;
            }
        }
        return status;
    }

    private static int importFiles(ArchiveExchange exchange, List<Path> paths, PrintStream out, PrintStream err)
            throws IOException {
        ArchiveExchange.ImportReport report = exchange.importFiles(paths);
        report.refusals().forEach(err::println);
        if (report.facetsRead()) {
            out.println("Facettes : " + count(report.facets(Outcome.CREATED), "créée", "créées") + ", "
                    + count(report.facets(Outcome.UPDATED), "mise à jour", "mises à jour") + ", "
                    + count(report.facets(Outcome.UNCHANGED), "inchangée", "inchangées") + ".");
        }
        out.println("Tribunes : " + count(report.articles(Outcome.CREATED), "créée", "créées") + ", "
                + count(report.articles(Outcome.UPDATED), "mise à jour", "mises à jour") + ", "
                + count(report.articles(Outcome.UNCHANGED), "inchangée", "inchangées") + ", "
                + count(report.articlesRefused(), "refusée", "refusées") + ".");
        return report.refusals().isEmpty() ? SUCCESS : REFUSED;
    }

    private static int export(ArchiveExchange exchange, Path folder, PrintStream out, PrintStream err)
            throws IOException {
        try {
            int written = exchange.export(folder).articles();
            out.println("Export : " + count(written, "tribune", "tribunes") + " et " + FacetsFile.NAME + " écrits dans "
                    + folder + ".");
            return SUCCESS;
        } catch (ArchiveExchange.ExportRefusedException e) {
            err.println("Export refusé : " + e.getMessage());
            return REFUSED;
        }
    }

    /** French counts: 0 and 1 take the singular. */
    static String count(int n, String singular, String plural) {
        return n + " " + (n > 1 ? plural : singular);
    }
}
