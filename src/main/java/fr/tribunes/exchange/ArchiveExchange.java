package fr.tribunes.exchange;

import fr.tribunes.article.ArticleFile;
import fr.tribunes.article.ArticleFileException;
import fr.tribunes.article.ArticleFiles;
import fr.tribunes.article.ArticleStatus;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.storage.H2Compaction;
import fr.tribunes.storage.PrivateFiles;
import fr.tribunes.topic.Topics;
import fr.tribunes.typography.Slugs;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports and exports the archive as files: op-eds through {@link ArticleFiles}, facets through their directories.
 *
 * <p>Op-eds are imported {@value #BATCH} to a transaction: one commit (one new chunk of H2's file, one write of the
 * search index) per op-ed made an import of 100,000 op-eds take hours and grow the database file by gigabytes. A
 * file the checks refuse is refused alone; one the database refuses rolls its batch back, which is then imported
 * again one file per transaction, so that one bad file never stops the others. Between batches, on H2,
 * {@link H2Compaction#compactIfFarBehind} keeps the file within four times its live data.
 */
@Service
class ArchiveExchange {

    /** Who the history names for changes made by an import. */
    static final String EDITOR = "import";

    /** The largest file read: far more than any op-ed. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private static final String EXTENSION = ".md";

    /** Op-eds imported per transaction. */
    static final int BATCH = 100;

    private final ArticleFiles articleFiles;

    private final Map<FacetsFile.Kind, FacetDirectory<?, ? extends Facet>> directories;

    private final TransactionTemplate transaction;

    private final TransactionTemplate snapshot;

    private final EntityManager entityManager;

    private final H2Compaction compaction;

    private final Authors authors;

    ArchiveExchange(
            ArticleFiles articleFiles,
            Authors authors,
            Topics topics,
            Organisations organisations,
            PlatformTransactionManager transactions,
            DataSource dataSource,
            EntityManager entityManager,
            H2Compaction compaction) {
        this.articleFiles = articleFiles;
        this.authors = authors;
        this.compaction = compaction;
        this.entityManager = entityManager;
        this.directories = new EnumMap<>(FacetsFile.Kind.class);
        directories.put(FacetsFile.Kind.AUTHORS, authors);
        directories.put(FacetsFile.Kind.THEMES, topics);
        directories.put(FacetsFile.Kind.ORGANISATIONS, organisations);
        this.transaction = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(snapshotIsolation(dataSource));
    }

    /** A file refused as a whole, as the editor gave it. */
    record Refusal(Path file, int line, String reason) {

        @Override
        public String toString() {
            return file + ", ligne " + line + " : " + reason;
        }
    }

    /** What an import did. */
    static final class ImportReport {

        private final Map<ArticleFiles.Outcome, Integer> articles = new EnumMap<>(ArticleFiles.Outcome.class);

        private final Map<ArticleFiles.Outcome, Integer> facets = new EnumMap<>(ArticleFiles.Outcome.class);

        private final List<Refusal> refusals = new ArrayList<>();

        private boolean facetsRead;

        int articles(ArticleFiles.Outcome outcome) {
            return articles.getOrDefault(outcome, 0);
        }

        int facets(ArticleFiles.Outcome outcome) {
            return facets.getOrDefault(outcome, 0);
        }

        /** Whether a {@code facettes.yaml} was read (refused or not). */
        boolean facetsRead() {
            return facetsRead;
        }

        /** The files refused, in the order of their names. */
        List<Refusal> refusals() {
            return refusals.stream()
                    .sorted(Comparator.comparing((Refusal r) -> r.file().toString()))
                    .toList();
        }

        int articlesRefused() {
            return (int) refusals.stream().filter(r -> !isFacetsFile(r.file())).count();
        }
    }

    /** An export that wrote nothing, and why, in French. */
    static final class ExportRefusedException extends Exception {

        ExportRefusedException(String reason) {
            super(reason);
        }
    }

    /** An op-ed file checked, waiting for its turn: its date of entry into the archive it came from. */
    private record Read(Path path, Instant addedAt) {}

    /** What a batch of files did, known once its transaction has committed. */
    private record Batch(Map<ArticleFiles.Outcome, Integer> outcomes, List<Refusal> refusals) {}

    private static ArticleFile.Parsed parse(Path file) throws ArticleFileException {
        return ArticleFile.read(file.getFileName().toString(), content(file));
    }

    /**
     * Imports files and folders: of a folder, its {@code facettes.yaml} first, then its {@code *.md} files (not
     * those of its subfolders).
     *
     * <p>The files are read and checked in the order of their names, then imported in the order the op-eds entered
     * the archive ({@code added_at}, files without one last): the keys they get then follow that order, and the
     * lists that order op-eds of the same date by key show them as the archive they came from did.
     */
    ImportReport importFiles(List<Path> paths) throws IOException {
        List<Path> facetFiles = new ArrayList<>();
        List<Path> articleFiles = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                Path facets = path.resolve(FacetsFile.NAME);
                if (Files.isRegularFile(facets)) {
                    facetFiles.add(facets);
                }
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f))
                            .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                            .forEach(articleFiles::add);
                }
            } else if (isFacetsFile(path)) {
                facetFiles.add(path);
            } else {
                articleFiles.add(path);
            }
        }
        ImportReport report = new ImportReport();
        for (Path file : facetFiles) {
            importFacets(file, report);
        }
        // Checked first, keeping of each file only its name and date: the files are read again one at a time to be
        // imported, so that the memory an import takes does not grow with the number of files.
        List<Read> read = new ArrayList<>();
        for (Path file : articleFiles) {
            try {
                read.add(new Read(file, parse(file).addedAt()));
            } catch (ArticleFileException e) {
                report.refusals.add(new Refusal(file, e.line(), e.reason()));
            }
        }
        read.sort(Comparator.comparing(Read::addedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        for (int from = 0; from < read.size(); from += BATCH) {
            List<Read> batch = read.subList(from, Math.min(from + BATCH, read.size()));
            try {
                Batch written = transaction.execute(status -> importBatch(batch));
                written.outcomes().forEach((outcome, count) -> report.articles.merge(outcome, count, Integer::sum));
                report.refusals.addAll(written.refusals());
            } catch (RuntimeException e) {
                // The database refused one of them (a constraint, a lost connection): the batch was rolled back
                // whole. Imported again one file per transaction, it refuses that file and no other.
                for (Read file : batch) {
                    importAlone(file, report);
                }
            }
            // On H2, whose file only grows (REUSE_SPACE=FALSE): 100,000 op-eds would leave gigabytes of dead chunks.
            compaction.compactIfFarBehind();
        }
        return report;
    }

    /**
     * Imports a batch of files in the current transaction. A file the checks refuse is refused before it writes
     * anything; the persistence context is emptied after each file so that a batch's memory does not grow with
     * what the files hold.
     */
    private Batch importBatch(List<Read> files) {
        Map<ArticleFiles.Outcome, Integer> outcomes = new EnumMap<>(ArticleFiles.Outcome.class);
        List<Refusal> refusals = new ArrayList<>();
        for (Read file : files) {
            try {
                outcomes.merge(articleFiles.importFile(parse(file.path()), EDITOR), 1, Integer::sum);
            } catch (ArticleFileException e) {
                refusals.add(new Refusal(file.path(), e.line(), e.reason()));
            }
            entityManager.flush();
            entityManager.clear();
        }
        return new Batch(outcomes, refusals);
    }

    private void importAlone(Read file, ImportReport report) {
        try {
            ArticleFiles.Outcome outcome = articleFiles.importFile(parse(file.path()), EDITOR);
            report.articles.merge(outcome, 1, Integer::sum);
        } catch (ArticleFileException e) {
            report.refusals.add(new Refusal(file.path(), e.line(), e.reason()));
        } catch (RuntimeException e) {
            report.refusals.add(new Refusal(
                    file.path(),
                    1,
                    "la base de données a refusé l’enregistrement ("
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + ")."));
        }
    }

    private void importFacets(Path file, ImportReport report) {
        report.facetsRead = true;
        Map<FacetsFile.Kind, List<FacetsFile.Entry>> facets;
        try {
            facets = FacetsFile.read(file.getFileName().toString(), content(file));
        } catch (ArticleFileException e) {
            report.refusals.add(new Refusal(file, e.line(), e.reason()));
            return;
        }
        try {
            Map<ArticleFiles.Outcome, Integer> counts = transaction.execute(status -> applyFacets(facets));
            counts.forEach((outcome, count) -> report.facets.merge(outcome, count, Integer::sum));
        } catch (RuntimeException e) {
            report.refusals.add(new Refusal(
                    file,
                    1,
                    "la base de données a refusé l’enregistrement ("
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + ")."));
        }
    }

    /** Creates the facets that are missing, renames and describes those that differ; all or nothing. */
    private Map<ArticleFiles.Outcome, Integer> applyFacets(Map<FacetsFile.Kind, List<FacetsFile.Entry>> facets) {
        Map<ArticleFiles.Outcome, Integer> counts = new EnumMap<>(ArticleFiles.Outcome.class);
        facets.forEach((kind, entries) -> {
            FacetDirectory<?, ? extends Facet> directory = directories.get(kind);
            for (FacetsFile.Entry entry : entries) {
                ArticleFiles.Outcome outcome;
                Facet facet = directory.findBySlug(entry.slug()).orElse(null);
                if (facet == null) {
                    facet = directory.create(entry.name(), entry.slug());
                    outcome = ArticleFiles.Outcome.CREATED;
                } else {
                    outcome = ArticleFiles.Outcome.UNCHANGED;
                }
                String description = directory
                        .findDetails(facet.id())
                        .map(FacetDirectory.Details::description)
                        .orElse(null);
                String wanted = blankToNull(entry.describes() ? entry.description() : description);
                if (!facet.name().equals(entry.name()) || !Objects.equals(blankToNull(description), wanted)) {
                    directory.update(facet.id(), entry.name(), entry.slug(), wanted);
                    if (outcome == ArticleFiles.Outcome.UNCHANGED) {
                        outcome = ArticleFiles.Outcome.UPDATED;
                    }
                }
                if (entry.names()
                        && facet instanceof AuthorRef author
                        && !(Objects.equals(author.familyName(), entry.familyName())
                                && Objects.equals(author.givenNames(), entry.givenNames()))) {
                    authors.nameParts(author.id(), entry.familyName(), entry.givenNames());
                    if (outcome == ArticleFiles.Outcome.UNCHANGED) {
                        outcome = ArticleFiles.Outcome.UPDATED;
                    }
                }
                counts.merge(outcome, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** What an export wrote: op-eds by status, and facets. */
    record ExportCounts(int published, int drafts, int facets) {

        int articles() {
            return published + drafts;
        }
    }

    /**
     * Writes every op-ed, drafts included, as {@code <slug>.md}, and every facet in {@code facettes.yaml}. The
     * folder is created if missing; one that holds anything else than a previous export of these op-eds is refused
     * untouched, so an export never mixes with other files, and never leaves behind the file of an op-ed that is
     * no longer in the archive under that name (importing the folder would bring it back).
     *
     * <p>Everything is read in one read-only transaction that sees the archive as it was when it began (snapshot
     * isolation): an op-ed corrected while the export runs is written wholly as it was before. Op-eds are read a
     * batch at a time and written as they come ({@link ArticleFiles#exportEach}), so the memory it takes does not
     * grow with the archive. Folder and files are owner-only ({@link PrivateFiles}).
     */
    ExportCounts export(Path folder, TaskProgress progress) throws ExportRefusedException, IOException {
        Failure failure = new Failure();
        ExportCounts counts = snapshot.execute(status -> {
            try {
                return exportInSnapshot(folder, progress);
            } catch (ExportRefusedException e) {
                failure.refused = e;
            } catch (IOException e) {
                failure.io = e;
            }
            return null;
        });
        if (failure.refused != null) {
            throw failure.refused;
        }
        if (failure.io != null) {
            throw failure.io;
        }
        return counts;
    }

    /** The same, without anyone following its progress. */
    ExportCounts export(Path folder) throws ExportRefusedException, IOException {
        return export(folder, TaskProgress.NONE);
    }

    /** A checked exception thrown inside the transaction, given back outside it. */
    private static final class Failure {
        ExportRefusedException refused;
        IOException io;
    }

    private ExportCounts exportInSnapshot(Path folder, TaskProgress progress)
            throws ExportRefusedException, IOException {
        List<String> slugs = articleFiles.exportSlugs();
        Set<String> names = new HashSet<>();
        names.add(FacetsFile.NAME);
        for (String slug : slugs) {
            if (!Slugs.isValid(slug)) {
                throw new IllegalStateException("Not a file name: " + slug);
            }
            names.add(slug + EXTENSION);
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ExportRefusedException(folder + " existe et n’est pas un dossier.");
        }
        if (Files.isDirectory(folder)) {
            List<String> foreign;
            try (Stream<Path> files = Files.list(folder)) {
                foreign = files.filter(f -> !Files.isRegularFile(f)
                                || !names.contains(f.getFileName().toString()))
                        .map(f -> f.getFileName().toString())
                        .sorted()
                        .limit(6)
                        .toList();
            }
            if (!foreign.isEmpty()) {
                throw new ExportRefusedException(folder
                        + " contient autre chose qu’un export de l’archive actuelle ("
                        + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? "…" : "")
                        + ") : exportez dans un dossier vide ou nouveau.");
            }
        }
        names.clear();
        PrivateFiles.createFolder(folder);
        progress.stage("Export des tribunes", slugs.size());
        int[] published = new int[1];
        int[] drafts = new int[1];
        try {
            articleFiles.exportEach(exported -> {
                try {
                    PrivateFiles.write(folder.resolve(exported.slug() + EXTENSION), exported.content());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (exported.status() == ArticleStatus.PUBLISHED) {
                    published[0]++;
                } else {
                    drafts[0]++;
                }
                progress.step();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<FacetsFile.Kind, List<FacetsFile.Entry>> facets = new EnumMap<>(FacetsFile.Kind.class);
        directories.forEach((kind, directory) -> facets.put(kind, entries(directory)));
        PrivateFiles.write(folder.resolve(FacetsFile.NAME), FacetsFile.write(facets));
        int facetCount = facets.values().stream().mapToInt(List::size).sum();
        return new ExportCounts(published[0], drafts[0], facetCount);
    }

    private static <R extends Facet> List<FacetsFile.Entry> entries(FacetDirectory<?, R> directory) {
        return directory.findAll().stream()
                .map(facet -> new FacetsFile.Entry(
                        facet.slug(),
                        facet.name(),
                        directory
                                .findDetails(facet.id())
                                .map(FacetDirectory.Details::description)
                                .map(ArchiveExchange::blankToNull)
                                .orElse(null),
                        true,
                        facet instanceof AuthorRef author ? author.familyName() : null,
                        facet instanceof AuthorRef author ? author.givenNames() : null,
                        facet instanceof AuthorRef,
                        0))
                .toList();
    }

    /**
     * The isolation level at which a transaction sees the whole database as it was when it began: PostgreSQL's
     * {@code REPEATABLE READ} is snapshot isolation; H2's is per table, its {@code SERIALIZABLE} is the snapshot.
     */
    static int snapshotIsolation(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                    : TransactionDefinition.ISOLATION_SERIALIZABLE;
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
    }

    /**
     * A file's text: refused if larger than {@value #MAX_BYTES} bytes or not UTF-8 (the line of the first bad byte
     * is given, so the editor can find it).
     */
    static String content(Path file) throws ArticleFileException {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ArticleFileException(name, 1, "le fichier dépasse 2 Mo.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ArticleFileException(name, 1, "fichier illisible (" + e.getMessage() + ").");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ArticleFileException(
                    name, line, "le fichier n’est pas en UTF-8 (octet invalide) : enregistrez-le en UTF-8.");
        }
        return out.flip().toString();
    }

    static boolean isFacetsFile(Path path) {
        return path.getFileName() != null && path.getFileName().toString().equals(FacetsFile.NAME);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
