package fr.tribunes.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The online backup: an editor asks for one from the back office while the site goes on serving, and it lands in a
 * folder of its own, named by the time, in the backups directory ({@code tribunes.backups-dir}). The same backup as
 * the {@code backup} command, which needs the server stopped when the database is H2.
 */
@Controller
class BackupController {

    static final String PATH = "/admin/sauvegardes";

    static final String VIEW = "exchange/backups";

    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final ArchiveBackup backup;

    private final Path directory;

    private final Clock clock;

    BackupController(ArchiveBackup backup, @Value("${tribunes.backups-dir}") String directory, Clock clock) {
        this.backup = backup;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(Model model) throws IOException {
        model.addAttribute("directory", directory.toString());
        model.addAttribute("backups", backups());
        return VIEW;
    }

    /** One at a time: two backups in the same second would want the same folder. */
    @PostMapping(PATH)
    synchronized String backUp(RedirectAttributes flash) throws IOException, InterruptedException {
        Path folder = directory.resolve(FOLDER_NAME.format(clock.instant().atZone(ZoneId.of("Europe/Paris"))));
        try {
            ArchiveBackup.Written written = backup.backup(folder);
            flash.addFlashAttribute(
                    "done",
                    "Sauvegarde écrite dans " + folder + "\u202f: la base entière et l’export de " + written.articles()
                            + (written.articles() > 1 ? " tribunes." : " tribune."));
        } catch (ArchiveBackup.BackupRefusedException e) {
            flash.addFlashAttribute("problem", "Sauvegarde refusée\u202f: " + e.getMessage());
        }
        return "redirect:" + PATH;
    }

    /** The backups already written, newest first. */
    private List<String> backups() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(f -> Files.isRegularFile(
                                    f.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.H2_DUMP))
                            || Files.isRegularFile(
                                    f.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.POSTGRES_DUMP)))
                    .map(f -> f.getFileName().toString())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
    }
}
