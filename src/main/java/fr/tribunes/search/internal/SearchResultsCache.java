package fr.tribunes.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the pages of recent searches, as sent, so that a search readers repeat costs no more than a static
 * file. Published op-eds change rarely; {@link ArticleIndexing} empties the cache whenever the index changes, and an
 * entry lives 30 minutes at most. Only successful pages are kept, within {@code tribunes.search.cache-mb}
 * megabytes (0 turns the cache off).
 */
@Component
public class SearchResultsCache extends OncePerRequestFilter {

    static final String PATH = "/recherche";

    private final Cache<String, Page> pages;

    private final boolean enabled;

    SearchResultsCache(@Value("${tribunes.search.cache-mb:16}") long megabytes) {
        this.enabled = megabytes > 0;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, megabytes) * 1024 * 1024)
                .weigher((String key, Page page) -> key.length() + page.body().length)
                .expireAfterWrite(Duration.ofMinutes(30))
                .build();
    }

    /** Forgets every page: the index changed. */
    public void forget() {
        pages.invalidateAll();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !"GET".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            response.setContentType(cached.contentType());
            if (cached.contentLanguage() != null) {
                response.setHeader(HttpHeaders.CONTENT_LANGUAGE, cached.contentLanguage());
            }
            response.setContentLength(cached.body().length);
            response.getOutputStream().write(cached.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentType() != null) {
            pages.put(
                    key,
                    new Page(
                            wrapper.getContentType(),
                            wrapper.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                            wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    /** The request's parameters in a fixed order: the same search typed in two ways is one entry. */
    static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(request.getParameterMap())
                .forEach((name, values) -> key.append(name)
                        .append('=')
                        .append(String.join("\u0000", values))
                        .append('\u0001'));
        return key.toString();
    }

    /** A page as sent. */
    record Page(String contentType, String contentLanguage, byte[] body) {}
}
