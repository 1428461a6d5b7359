package fr.tribunes.capture;

import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.InvalidDraftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Brings op-eds in from where they were published, as drafts an editor checks and publishes (nothing is published
 * by an import), keeping the evidence: a saved web page ({@code .html}), a web archive ({@code .warc},
 * {@code .warc.gz}: each HTML page answered 200 in it), a WordPress export ({@code .xml}: each published post). The
 * capture is stored first ({@link Captures}); each op-ed is then created in its own transaction and linked to it, so
 * that a large export takes no more memory than one post; one refused (its page says too little) is reported with
 * the reason and the others are kept. When nothing could be made of the file, nothing of it is kept.
 */
@Service
public class Imports {

    private final ArticleEditor editor;

    private final Captures captures;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final SafeFetcher fetcher;

    Imports(ArticleEditor editor, Captures captures, JdbcTemplate jdbc, Clock clock, SafeFetcher fetcher) {
        this.editor = editor;
        this.captures = captures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.fetcher = fetcher;
    }

    /**
     * Fetches a page ({@link SafeFetcher}) and imports it; the WARC of the requests and responses is its evidence.
     *
     * @throws IllegalArgumentException with a French reason when the address is refused or gives no page
     */
    public Report importAddress(String address, String editorName) throws IOException {
        SafeFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(address);
        } catch (SafeFetcher.Refused refused) {
            throw new IllegalArgumentException(refused.getMessage());
        }
        try {
            Extracted page;
            try (InputStream in = Files.newInputStream(fetched.page())) {
                page = PageExtractor.extract(in, fetched.address().toString());
            }
            // The fingerprint a reader checks is the page's, as it was answered; the WARC has its own.
            Evidence evidence = new Evidence(
                    fetched.warc(),
                    Evidence.sha256(fetched.page()),
                    Evidence.sha256(fetched.warc()),
                    Files.size(fetched.warc()));
            long capture =
                    captures.store(fetched.address().toString(), null, "html", clock.instant(), evidence, editorName);
            return finish(capture, List.of(new Source(fetched.address().toString(), page)), editorName);
        } finally {
            Files.deleteIfExists(fetched.warc());
            Files.deleteIfExists(fetched.page());
        }
    }

    /**
     * What an import did. Serializable: the import page shows it once from the editor's session, which is kept in the
     * database (Spring Session), so that the instance showing it need not be the one that imported.
     *
     * @param captureId the capture kept, or null when nothing was kept
     * @param created the drafts created, in the file's order
     * @param refused what could not be made into a draft, and why
     */
    public record Report(Long captureId, List<Created> created, List<Refused> refused) implements Serializable {

        public Report {
            // Lists that serialise whatever the caller built them as.
            created = List.copyOf(created);
            refused = List.copyOf(refused);
        }
    }

    /** A draft created: its key and title. */
    public record Created(long id, String title) implements Serializable {}

    /** Something of the file that gave no draft, and why, in French. */
    public record Refused(String what, String reason) implements Serializable {}

    /** The kind of source a file's name says: {@code html}, {@code warc}, {@code wxr}, or null for none of them. */
    public static String kindOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            return "warc";
        }
        if (name.endsWith(".xml")) {
            return "wxr";
        }
        return null;
    }

    /**
     * Imports an uploaded file, by the kind its name says.
     *
     * @throws IllegalArgumentException with a French reason when the file is none of the kinds known, or unreadable
     */
    public Report importFile(String fileName, Path upload, String editorName) throws IOException {
        String kind = kindOf(fileName);
        if (kind == null) {
            throw new IllegalArgumentException("« " + fileName
                    + " » n’est ni une page enregistrée (.html), ni une archive web (.warc, .warc.gz), ni un export"
                    + " WordPress (.xml).");
        }
        Instant now = clock.instant();
        return switch (kind) {
            case "html" -> html(fileName, upload, editorName, now);
            case "warc" -> warc(fileName, upload, editorName, now);
            default -> wxr(fileName, upload, editorName, now);
        };
    }

    private Report html(String fileName, Path upload, String editorName, Instant now) throws IOException {
        Extracted page;
        try (InputStream in = Files.newInputStream(upload)) {
            page = PageExtractor.extract(in, null);
        }
        Evidence evidence = Evidence.wrap(upload, "text/html", target(page.url(), fileName), now);
        try {
            long capture = captures.store(page.url(), fileName, "html", now, evidence, editorName);
            return finish(capture, List.of(new Source(fileName, page)), editorName);
        } finally {
            Files.deleteIfExists(evidence.file());
        }
    }

    private Report warc(String fileName, Path upload, String editorName, Instant now) throws IOException {
        List<Source> pages = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        try (WarcReader reader = new WarcReader(upload)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response && response.http().status() == 200) {
                    MediaType type = response.http().contentType();
                    if (type.base().equals(MediaType.HTML.base())) {
                        String address = response.target();
                        try (InputStream body = response.http().body().stream()) {
                            pages.add(new Source(address, PageExtractor.extract(body, address)));
                        }
                    }
                } else if (record instanceof WarcResource resource
                        && resource.contentType().base().equals(MediaType.HTML.base())) {
                    try (InputStream body = resource.body().stream()) {
                        pages.add(new Source(resource.target(), PageExtractor.extract(body, resource.target())));
                    }
                }
            }
        } catch (RuntimeException | IOException unreadable) {
            throw new IllegalArgumentException("« " + fileName + " » n’est pas une archive web lisible (WARC).");
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("« " + fileName + " » ne contient aucune page HTML capturée.");
        }
        Evidence evidence = Evidence.asIs(upload);
        long capture = captures.store(pages.get(0).page().url(), fileName, "warc", now, evidence, editorName);
        Report report = finish(capture, pages, editorName);
        refused.addAll(report.refused());
        return new Report(report.captureId(), report.created(), refused);
    }

    private Report wxr(String fileName, Path upload, String editorName, Instant now) throws IOException {
        Evidence evidence = Evidence.wrap(upload, "application/rss+xml", target(null, fileName), now);
        try {
            long capture = captures.store(null, fileName, "wxr", now, evidence, editorName);
            List<Created> created = new ArrayList<>();
            List<Refused> refused = new ArrayList<>();
            try (InputStream in = Files.newInputStream(upload)) {
                WxrReader.read(
                        in,
                        post -> create(capture, new Source(post.url(), post), editorName, created, refused),
                        skipped -> refused.add(new Refused(skipped.title(), skipped.reason())));
            } catch (XMLStreamException e) {
                forget(capture, created);
                throw new IllegalArgumentException("« " + fileName + " » n’est pas un export WordPress lisible (XML"
                        + " mal formé"
                        + (e.getLocation() == null
                                ? ""
                                : ", ligne " + e.getLocation().getLineNumber())
                        + ").");
            }
            return created.isEmpty() ? nothingKept(capture, refused) : new Report(capture, created, refused);
        } finally {
            Files.deleteIfExists(evidence.file());
        }
    }

    /** A page or post and where it came from, for the report. */
    private record Source(String name, Extracted page) {}

    private Report finish(long capture, List<Source> sources, String editorName) {
        List<Created> created = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Source source : sources) {
            create(capture, source, editorName, created, refused);
        }
        return created.isEmpty() ? nothingKept(capture, refused) : new Report(capture, created, refused);
    }

    private void create(long capture, Source source, String editorName, List<Created> created, List<Refused> refused) {
        String name = source.page().title() != null ? source.page().title() : String.valueOf(source.name());
        try {
            long id = editor.create(source.page().draft(), editorName);
            captures.link(id, capture, compared(source.page().draft()));
            created.add(new Created(id, source.page().title()));
        } catch (InvalidDraftException e) {
            refused.add(new Refused(name, String.join(" ", e.errors().values())));
        }
    }

    /**
     * What the check page compares, the same way for the extraction and the draft: the title, the standfirst, the
     * text as paragraphs and headings (the other fields are the form's, beside it).
     */
    static String compared(fr.tribunes.article.ArticleDraft draft) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(draft.title() == null ? "" : draft.title()).append("\n\n");
        if (draft.standfirst() != null && !draft.standfirst().isBlank()) {
            text.append(draft.standfirst().strip()).append("\n\n");
        }
        return text.append(draft.text() == null ? "" : draft.text().strip()).toString();
    }

    /** Nothing came of the file: its capture is not kept either. */
    private Report nothingKept(long capture, List<Refused> refused) {
        jdbc.update("delete from capture where id = ?", capture);
        return new Report(null, List.of(), refused);
    }

    private void forget(long capture, List<Created> created) {
        if (created.isEmpty()) {
            jdbc.update("delete from capture where id = ?", capture);
        }
    }

    /** The address a wrapped upload is recorded for: the page's own when it says it, else its file name. */
    private static URI target(String url, String fileName) {
        if (url != null) {
            try {
                return URI.create(url);
            } catch (IllegalArgumentException notAUri) {
                // Recorded by its file name below.
            }
        }
        return URI.create("urn:tribunes:fichier:" + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
    }
}
