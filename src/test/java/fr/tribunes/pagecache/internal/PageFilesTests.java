package fr.tribunes.pagecache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.pagecache.ArchiveVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The page cache's files: a page kept on disk is served again without being rendered, as long as the archive has
 * not changed, even when the heap keeps nothing; the folder stays within its bound; what an earlier start left is
 * removed, never what a live instance holds.
 */
class PageFilesTests {

    @TempDir
    Path root;

    private final AtomicReference<ArchiveVersion.Stamp> stamp =
            new AtomicReference<>(new ArchiveVersion.Stamp(1, Instant.parse("2026-03-02T09:00:00Z")));

    private final ArchiveVersion version = new ArchiveVersion(null, "jdbc:h2:mem:none", 5) {
        @Override
        public ArchiveVersion.Stamp current() {
            return stamp.get();
        }
    };

    private final AtomicInteger renders = new AtomicInteger();

    /** A page that says how many times it was rendered, long enough to be kept compressed too. */
    private final FilterChain page = (request, response) -> {
        int n = renders.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(200);
        http.setContentType("text/html;charset=UTF-8");
        http.setHeader("Cache-Control", "public, max-age=300");
        http.setHeader("ETag", "\"rendu-" + n + "\"");
        http.getOutputStream()
                .write(("<p>Rendu n° " + n + "</p>" + "<p>Paragraphe synthétique.</p>".repeat(100))
                        .getBytes(StandardCharsets.UTF_8));
    };

    private MockHttpServletResponse get(PageCache cache, String path, String acceptEncoding) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (acceptEncoding != null) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, page);
        return response;
    }

    /** A page cache whose heap keeps next to nothing (one byte), over these files. */
    private PageCache diskOnly(PageFiles files) {
        return new PageCache(version, List.of(), Clock.systemUTC(), 1, files);
    }

    @Test
    void aPageKeptOnDiskIsServedAgainWithoutRenderingUntilTheArchiveChanges() throws Exception {
        PageFiles files = new PageFiles(root, 64 * 1024 * 1024);
        assertThat(get(diskOnly(files), "/tribunes/une", null).getContentAsString(StandardCharsets.UTF_8))
                .startsWith("<p>Rendu n° 1</p>");

        // Another page cache over the same files has nothing in its heap: what it serves comes from them.
        PageCache cache = diskOnly(files);
        MockHttpServletResponse again = get(cache, "/tribunes/une", null);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).startsWith("<p>Rendu n° 1</p>");
        assertThat(again.getHeader("ETag")).isEqualTo("\"rendu-1\"");
        assertThat(again.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
        MockHttpServletResponse compressed = get(cache, "/tribunes/une", "gzip");
        assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
        try (var in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(compressed.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("<p>Rendu n° 1</p>");
        }
        assertThat(renders).as("rendered once, served three times").hasValue(1);

        assertThat(get(cache, "/tribunes/autre", null).getContentAsString(StandardCharsets.UTF_8))
                .as("another address is its own page")
                .startsWith("<p>Rendu n° 2</p>");

        stamp.set(new ArchiveVersion.Stamp(2, Instant.parse("2026-03-02T09:00:01Z")));
        assertThat(get(cache, "/tribunes/une", null).getContentAsString(StandardCharsets.UTF_8))
                .as("the archive changed: rendered again")
                .startsWith("<p>Rendu n° 3</p>");
        files.close();
    }

    @Test
    void theFolderIsEmptiedPastItsBound() throws Exception {
        PageFiles files = new PageFiles(root, 10_000);
        PageCache cache = diskOnly(files);
        for (int i = 0; i < 10; i++) {
            get(cache, "/tribunes/page-" + i, null);
        }
        long kept;
        try (Stream<Path> paths = Files.walk(files.folder())) {
            kept = paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().equals("lock"))
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
        assertThat(kept).isLessThanOrEqualTo(10_000).isPositive();
        files.close();
    }

    @Test
    void aNewStartRemovesWhatEarlierStartsLeftButNotWhatALiveInstanceHolds() throws Exception {
        PageFiles earlier = new PageFiles(root, 1024 * 1024);
        get(diskOnly(earlier), "/tribunes/une", null);
        earlier.close();
        PageFiles live = new PageFiles(root, 1024 * 1024);
        get(diskOnly(live), "/tribunes/une", null);

        PageFiles next = new PageFiles(root, 1024 * 1024);
        for (int i = 0; i < 100 && Files.exists(earlier.folder()); i++) {
            Thread.sleep(50);
        }
        assertThat(earlier.folder()).doesNotExist();
        assertThat(live.folder()).exists();
        assertThat(next.folder()).exists();
        live.close();
        next.close();
    }
}
