package fr.tribunes.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The back office's long tasks, one at a time, in the background: a backup of a large archive takes minutes, longer
 * than an editor's request may wait. The page that started one shows its progress ({@link TaskProgress}) until it
 * ends, then what it did or why it failed. Kept in memory: a restart forgets the last result (a backup finished is
 * on disk with its manifest; one interrupted left only a hidden partial folder).
 */
@Service
class BackupJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackupJobs.class);

    private final ArchiveBackup backup;

    private final Clock clock;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "tribunes-backup");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Job current;

    /** The full verifications made since the start, by backup folder name. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    BackupJobs(ArchiveBackup backup, Clock clock) {
        this.backup = backup;
        this.clock = clock;
    }

    /** A task: what it is, how far it has gone, and once ended, what it did ({@code done}) or why not. */
    public static final class Job {

        private final String label;

        private final TaskProgress progress = new TaskProgress();

        private volatile boolean ended;

        private volatile String done;

        private volatile String problem;

        Job(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public TaskProgress progress() {
            return progress;
        }

        public boolean ended() {
            return ended;
        }

        public String done() {
            return done;
        }

        public String problem() {
            return problem;
        }
    }

    /** A verification's verdict: when, and the problem found (null when the backup is whole). */
    record Verified(Instant at, String problem) {}

    /** The running task, or the last one ended. */
    Optional<Job> current() {
        return Optional.ofNullable(current);
    }

    Optional<Verified> verified(String name) {
        return Optional.ofNullable(verified.get(name));
    }

    /** Starts a backup into {@code folder}; false when a task is already running. */
    synchronized boolean startBackup(Path folder) {
        if (current != null && !current.ended) {
            return false;
        }
        Job job = new Job("Sauvegarde " + folder.getFileName());
        current = job;
        executor.execute(() -> {
            try {
                ArchiveBackup.Written written = backup.backup(folder, job.progress);
                BackupManifest manifest = written.manifest();
                job.done = "Sauvegarde écrite dans " + written.folder() + "\u202f: la base entière et l’export de "
                        + ExchangeCommand.count(manifest.published(), "tribune publiée", "tribunes publiées") + " et "
                        + ExchangeCommand.count(manifest.drafts(), "brouillon", "brouillons") + ".";
            } catch (ArchiveBackup.BackupRefusedException e) {
                job.problem = "Sauvegarde refusée\u202f: " + e.getMessage();
            } catch (IOException e) {
                job.problem = "Sauvegarde refusée\u202f: erreur de lecture ou d’écriture (" + e.getMessage() + ").";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.problem = "Sauvegarde interrompue.";
            } catch (RuntimeException | Error e) {
                log.error("Backup into {} failed", folder, e);
                job.problem = "Sauvegarde refusée\u202f: " + e;
            } finally {
                job.ended = true;
            }
        });
        return true;
    }

    /** Starts the full verification of a backup; false when a task is already running. */
    synchronized boolean startVerification(Path folder) {
        if (current != null && !current.ended) {
            return false;
        }
        Job job = new Job("Vérification de " + folder.getFileName());
        current = job;
        String name = folder.getFileName().toString();
        executor.execute(() -> {
            try {
                Optional<BackupManifest> manifest = BackupManifest.read(folder);
                if (manifest.isEmpty()) {
                    throw new BackupManifest.InvalidBackupException("elle n’a pas de " + BackupManifest.NAME + ".");
                }
                manifest.get().verify(folder, job.progress);
                verified.put(name, new Verified(clock.instant(), null));
                job.done = "Sauvegarde " + name + " vérifiée\u202f: chaque fichier a l’empreinte notée.";
            } catch (BackupManifest.InvalidBackupException e) {
                verified.put(name, new Verified(clock.instant(), e.getMessage()));
                job.problem = "Sauvegarde " + name + " abîmée\u202f: " + e.getMessage();
            } catch (IOException | RuntimeException e) {
                job.problem = "Vérification impossible\u202f: " + e.getMessage();
            } finally {
                job.ended = true;
            }
        });
        return true;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
