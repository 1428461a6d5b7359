package fr.tribunes.pagecache.internal;

import fr.tribunes.pagecache.ArchiveVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Last-Modified} on the public pages, feeds and API answers: when the archive last changed
 * ({@link ArchiveVersion}), a date no page can be older than. A request with {@code If-Modified-Since} and no
 * {@code If-None-Match} (which wins when both are sent, and is answered by the ETag filter) gets 304 without
 * anything being rendered. Searches, the back office and static files are left alone.
 */
class LastModified extends OncePerRequestFilter {

    /** The archive's public pages: what the archive's change stamp dates, and what {@link PageCache} may keep. */
    static final List<String> PREFIXES = List.of(
            "/tribunes/",
            "/auteurs",
            "/themes",
            "/organisations",
            "/archives",
            "/flux.atom",
            "/api/",
            "/sitemap",
            "/robots.txt");

    private final ArchiveVersion version;

    LastModified(ArchiveVersion version) {
        this.version = version;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        return !isArchivePage(request.getRequestURI());
    }

    static boolean isArchivePage(String path) {
        return path.equals("/") || PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant changed = version.lastChange();
        if (request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && notModifiedSince(request, changed)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, changed.toEpochMilli());
            return;
        }
        chain.doFilter(request, response);
        // The response is still buffered by the ETag filter around this one: headers can still be set.
        if (response.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, changed.toEpochMilli());
        }
    }

    private static boolean notModifiedSince(HttpServletRequest request, Instant changed) {
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return since >= 0 && changed.toEpochMilli() <= since;
    }
}
