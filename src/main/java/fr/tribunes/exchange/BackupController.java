package fr.tribunes.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The online backup: an editor asks for one from the back office while the site goes on serving; it is written in
 * the background ({@link BackupJobs}), the page showing its progress, into a folder of its own named by the time,
 * in the backups directory ({@code tribunes.backups-dir}). The same backup as the {@code backup} command. The page
 * lists the backups with their size, their counts and whether their manifest holds; each can be verified in full
 * (every file's SHA-256).
 */
@Controller
class BackupController {

    static final String PATH = "/admin/sauvegardes";

    static final String VIEW = "exchange/backups";

    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final BackupJobs jobs;

    private final Path directory;

    private final Clock clock;

    BackupController(BackupJobs jobs, @Value("${tribunes.backups-dir}") String directory, Clock clock) {
        this.jobs = jobs;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** A backup as the page lists it; {@code problem} null when its manifest holds. */
    record Listed(String name, String size, String contents, String state, String problem) {}

    @GetMapping(PATH)
    String list(Model model) throws IOException {
        model.addAttribute("directory", directory.toString());
        model.addAttribute("backups", backups());
        Optional<BackupJobs.Job> job = jobs.current();
        model.addAttribute("job", job.orElse(null));
        model.addAttribute("running", job.isPresent() && !job.get().ended());
        return VIEW;
    }

    @PostMapping(PATH)
    String backUp(RedirectAttributes flash) {
        Path folder = directory.resolve(FOLDER_NAME.format(clock.instant().atZone(ZoneId.of("Europe/Paris"))));
        if (Files.exists(folder)) {
            flash.addFlashAttribute("problem", "Une sauvegarde vient d’être écrite à cette seconde\u202f: réessayez.");
        } else if (!jobs.startBackup(folder)) {
            flash.addFlashAttribute("problem", "Une tâche est déjà en cours\u202f: attendez qu’elle finisse.");
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{name}/verification")
    String verify(@PathVariable String name, RedirectAttributes flash) throws IOException {
        Path folder = backupFolder(name);
        if (folder == null) {
            flash.addFlashAttribute("problem", "Pas de sauvegarde de ce nom.");
        } else if (!jobs.startVerification(folder)) {
            flash.addFlashAttribute("problem", "Une tâche est déjà en cours\u202f: attendez qu’elle finisse.");
        }
        return "redirect:" + PATH;
    }

    /** The folder of a listed backup, or null: names come from the request, so only those listed are taken. */
    private Path backupFolder(String name) throws IOException {
        return folders().stream()
                .filter(f -> f.getFileName().toString().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The backups' folders: visible folders of the directory with a manifest or a database dump. */
    private List<Path> folders() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f.resolve(BackupManifest.NAME))
                            || Files.isRegularFile(
                                    f.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.H2_DUMP))
                            || Files.isRegularFile(
                                    f.resolve(ArchiveBackup.DATABASE).resolve(ArchiveBackup.POSTGRES_DUMP)))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    /** The backups already written, newest first, each checked quickly (the full check is asked for). */
    private List<Listed> backups() throws IOException {
        return folders().stream().map(this::listed).toList();
    }

    private Listed listed(Path folder) {
        String name = folder.getFileName().toString();
        BackupManifest manifest;
        try {
            Optional<BackupManifest> read = BackupManifest.read(folder);
            if (read.isEmpty()) {
                return new Listed(
                        name,
                        "",
                        "",
                        "",
                        "sans " + BackupManifest.NAME
                                + "\u202f: interrompue, ou écrite par une version qui n’en faisait pas.");
            }
            manifest = read.get();
            manifest.checkQuickly(folder);
        } catch (BackupManifest.InvalidBackupException e) {
            return new Listed(name, "", "", "", e.getMessage());
        } catch (IOException e) {
            return new Listed(name, "", "", "", "illisible (" + e.getMessage() + ").");
        }
        String contents = ExchangeCommand.count(manifest.published(), "tribune publiée", "tribunes publiées") + ", "
                + ExchangeCommand.count(manifest.drafts(), "brouillon", "brouillons") + ", "
                + ExchangeCommand.count(manifest.facets(), "facette", "facettes");
        Optional<BackupJobs.Verified> verified = jobs.verified(name);
        if (verified.isPresent() && verified.get().problem() != null) {
            return new Listed(
                    name, size(manifest.bytes()), contents, "", verified.get().problem());
        }
        String state = verified.map(v -> "empreintes vérifiées le " + SHOWN.format(v.at()))
                .orElse("manifeste en ordre, empreintes non vérifiées depuis le démarrage");
        return new Listed(name, size(manifest.bytes()), contents, state, null);
    }

    /** A size in French units: « 1,2 Go ». */
    static String size(long bytes) {
        String[] units = {"o", "Ko", "Mo", "Go", "To"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = unit == 0 ? String.valueOf(bytes) : String.format(Locale.FRENCH, "%.1f", value);
        return number + "\u00A0" + units[unit];
    }
}
