package fr.tribunes.pagecache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.PageDependencies;
import fr.tribunes.pagecache.RenderTimeValues;
import fr.tribunes.web.UnreadableRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public pages kept as sent, so that a page asked for again is written out without a query, a template or a
 * filter behind this one running again; what makes the archive's pages almost as cheap as static files.
 *
 * <p><b>Never stale, on any instance.</b> Every page is kept with the archive's change stamp ({@link ArchiveVersion},
 * moved by every edit in its own transaction, known without a connection) read <em>before</em> it was rendered, and
 * with what it shows ({@link PageDependencies}); it is served only while nothing it shows changed since that stamp
 * ({@link ArchiveVersion#unchangedSince}); a page that may show anything, only while the stamp is the same. So an
 * edit is served from the next request on by this instance, and within a few milliseconds by any other sharing the
 * database; there is no time-to-live to wait for. A page rendered while an edit commits is kept under the stamp read
 * before: it is rendered again on the next request, never served stale.
 *
 * <p><b>What is kept.</b> Only the archive's pages ({@link LastModified#PREFIXES}: not searches, health probes,
 * static files or the back office), and of them only what a shared cache could keep: {@code GET} answers 200 marked
 * {@code Cache-Control: public} and setting no cookie, to requests from anyone but a signed-in editor (who may see
 * more, and always gets a page rendered; a made-up session cookie is not a sign-in), keyed without the parameters a
 * page does not read. Status, headers (security headers, {@code ETag},
 * {@code Last-Modified}…) and body are kept; {@code HEAD} is answered from a kept {@code GET}. Conditional
 * requests are answered from the entry (304), and a miss is rendered whole, without the request's conditions, so
 * that what is kept is always the full page. Entries are bounded by their size ({@code tribunes.page-cache.max-mb},
 * 0 turns the cache off); Caffeine's admission policy keeps a flood of one-off addresses from pushing the pages
 * readers come back to out. Every page kept is also written to a file ({@link PageFiles}), where the long tail is
 * served from.
 *
 * <p><b>Values that say when a page was rendered</b> (the comment form's token, marked {@code data-etag-exempt})
 * are renewed on every answer by the feature that made them ({@link RenderTimeValues}), so a kept page still
 * carries a form rendered now.
 */
class PageCache extends OncePerRequestFilter {

    /** Headers not kept: Tomcat writes them for every answer. */
    private static final Set<String> NOT_KEPT =
            Set.of("content-length", "date", "transfer-encoding", "connection", "keep-alive");

    /** What a renewed attribute value may not contain, since it is written into the page as it is. */
    private static final Pattern UNSAFE = Pattern.compile("[\"<>&]");

    private static final Set<String> CONDITIONS = Set.of("if-none-match", "if-modified-since");

    private final ArchiveVersion version;

    private final List<RenderTimeValues> renewals;

    private final Clock clock;

    private final Cache<String, Entry> entries;

    /** Addresses whose answer was not kept, with the stamp it was rendered under: no need to capture them again. */
    private final Cache<String, ArchiveVersion.Stamp> notKept =
            Caffeine.newBuilder().maximumSize(10_000).build();

    /** Pages being rendered, for the requests that arrive meanwhile. */
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();

    /** How long a request waits for another's rendering of the same page before rendering it itself. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    /** The pages also kept on disk, or null. */
    private final PageFiles files;

    PageCache(ArchiveVersion version, List<RenderTimeValues> renewals, Clock clock, long maxBytes, PageFiles files) {
        this.version = version;
        this.files = files;
        this.renewals = renewals;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> entry.weight(key))
                .build();
    }

    /**
     * A page as it was sent, with the stamp it was rendered under and what it shows ({@link PageDependencies}; null
     * when it may show anything): its headers, and its body cut around the values to renew ({@code parts} around
     * {@code exempt}), also compressed, part by part ({@link GzipParts}).
     */
    record Entry(
            ArchiveVersion.Stamp stamp,
            Set<String> shows,
            List<String[]> headers,
            String etag,
            byte[][] parts,
            String[] exempt,
            GzipParts gzip) {

        int weight(String key) {
            int weight = 200 + key.length() * 2;
            for (byte[] part : parts) {
                weight += part.length + 16;
            }
            if (gzip != null) {
                weight += gzip.size();
            }
            if (shows != null) {
                for (String shown : shows) {
                    weight += 48 + shown.length() * 2;
                }
            }
            for (String[] header : headers) {
                weight += 64 + (header[0].length() + header[1].length()) * 2;
            }
            return weight;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !LastModified.isArchivePage(request.getRequestURI())
                || signedIn(request)
                || !readable(request);
    }

    /**
     * Whether the request comes from a signed-in editor, who may see more than readers: a session that exists and
     * holds a sign-in. A made-up session cookie, or the session of someone who only opened the sign-in page, is
     * served from the cache like any reader.
     */
    private static boolean signedIn(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN) != null;
    }

    /** Where Spring Security keeps an editor's sign-in in the session. */
    private static final String SIGNED_IN = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    /** An address whose parameters cannot be read goes straight through, to be refused ({@link UnreadableRequests}). */
    private static boolean readable(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        ArchiveVersion.Stamp stamp = version.current();
        Entry entry = entries.getIfPresent(key);
        if ((entry == null || !current(entry, stamp)) && files != null) {
            // Served from its file, and not moved into the heap: a long tail passing through the heap's few MB would
            // only push the pages read again and again out of it, and fill the old generation with copies to collect.
            Entry kept = files.read(key);
            if (kept != null && current(kept, stamp)) {
                entry = kept;
            }
        }
        if (entry != null && current(entry, stamp)) {
            serve(entry, request, response);
            return;
        }
        if ("HEAD".equals(request.getMethod()) || stamp.equals(notKept.getIfPresent(key))) {
            // A page that was not kept under this stamp (a search, an error) goes straight through.
            chain.doFilter(request, response);
            return;
        }
        // Many readers asking at once for a page not kept: one renders it, the others wait for it and are served
        // what it kept, rather than all rendering the same page at once (as nginx's proxy_cache_lock).
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            Entry awaited = await(theirs);
            if (awaited != null && awaited.stamp().equals(stamp)) {
                serve(awaited, request, response);
                return;
            }
            render(key, stamp, request, response, chain, null);
            return;
        }
        try {
            render(key, stamp, request, response, chain, mine);
        } finally {
            rendering.remove(key, mine);
            mine.complete(null);
        }
    }

    /** Whether a kept page is what it would be rendered as now: nothing it shows changed since it was rendered. */
    private boolean current(Entry entry, ArchiveVersion.Stamp now) {
        return version.unchangedSince(entry.stamp(), entry.shows(), now);
    }

    /**
     * The pages kept until what they show changes, rather than until anything changes: those whose every read of
     * the archive says what it read ({@link PageDependencies}): an op-ed's page, a theme's, an author's, an
     * organisation's, a year's. Any other (home, feeds, API, sitemaps, histories…) is rendered again after any edit.
     */
    private static final Pattern DESCRIBED =
            Pattern.compile("/(tribunes|themes|auteurs|organisations)/[a-z0-9-]+|/archives/[0-9]{4}");

    private static Entry await(CompletableFuture<Entry> rendering) {
        try {
            return rendering.get(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException renderItYourself) {
            return null;
        }
    }

    private void render(
            String key,
            ArchiveVersion.Stamp stamp,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            CompletableFuture<Entry> waiting)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean described = DESCRIBED.matcher(request.getRequestURI()).matches();
        Set<String> shows = null;
        if (described) {
            PageDependencies.start();
        }
        try {
            chain.doFilter(new WithoutConditions(request), captured);
        } finally {
            if (described) {
                shows = PageDependencies.stop();
                // Nothing noted: something read the archive without saying so; the page may show anything.
                shows = shows.isEmpty() ? null : shows;
            }
        }
        Entry rendered = keepable(response) ? entry(stamp, shows, response, captured.getContentAsByteArray()) : null;
        if (waiting != null) {
            waiting.complete(rendered);
        }
        if (rendered == null) {
            notKept.put(key, stamp);
            captured.copyBodyToResponse();
            return;
        }
        entries.put(key, rendered);
        if (files != null) {
            files.write(key, rendered);
        }
        if (notModified(rendered, request)) {
            // The page was rendered without the request's conditions, which hold: 304 rather than the body.
            response.reset();
            serve(rendered, request, response);
        } else {
            captured.copyBodyToResponse();
        }
    }

    /**
     * What an answer may depend on: scheme, path, the parameters the page reads ({@link #usedBy}, in one
     * order), and the {@code Origin} a cross-site request carries (the API's CORS headers are written only for
     * those, so an answer kept for one is never given to another). Any other parameter ({@code ?utm_source=…},
     * {@code ?x=1}) changes nothing a page shows, so it neither misses the cache nor fills it with copies.
     */
    static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.isSecure() ? "https " : "http ").append(request.getRequestURI());
        char separator = '?';
        Map<String, String[]> parameters = request.getParameterMap();
        for (String name : usedBy(request.getRequestURI())) {
            String[] values = parameters.get(name);
            if (values != null) {
                for (String value : values) {
                    key.append(separator)
                            .append(name)
                            .append('=')
                            .append(value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8));
                    separator = '&';
                }
            }
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            key.append(' ').append(origin);
        }
        return key.toString();
    }

    /**
     * The query parameters a page reads (its controller's {@code @RequestParam}s); it renders the same whatever
     * others its address carries.
     */
    static List<String> usedBy(String path) {
        if (path.equals("/api/tribunes")) {
            return API_LIST;
        }
        if (path.equals("/flux.atom")) {
            return FEED;
        }
        if (path.startsWith("/tribunes/") && path.endsWith("/historique")) {
            return HISTORY;
        }
        if (LISTS.matcher(path).matches()) {
            return PAGE;
        }
        return List.of();
    }

    private static final List<String> API_LIST = List.of("annee", "auteur", "organisation", "page", "theme");

    private static final List<String> FEED = List.of("auteur", "theme");

    private static final List<String> HISTORY = List.of("version");

    private static final List<String> PAGE = List.of("page");

    /** The lists read page by page. */
    private static final Pattern LISTS = Pattern.compile("/(themes|auteurs|organisations|archives)/[^/]+");

    /** What a shared cache could keep: a public 200 that sets no cookie. */
    private static boolean keepable(HttpServletResponse response) {
        if (response.getStatus() != HttpServletResponse.SC_OK || response.containsHeader(HttpHeaders.SET_COOKIE)) {
            return false;
        }
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null || !cacheControl.contains("public") || cacheControl.contains("no-store")) {
            return false;
        }
        // An answer that says it varies with a request header the key leaves out is not kept.
        for (String vary : response.getHeaders(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                if (!VARY_KEPT.contains(name.trim().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Request headers an answer may vary with and still be kept: the key has them, or only preflights send them. */
    private static final Set<String> VARY_KEPT =
            Set.of("accept-encoding", "origin", "access-control-request-method", "access-control-request-headers", "");

    private static Entry entry(
            ArchiveVersion.Stamp stamp, Set<String> shows, HttpServletResponse response, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        String contentType = response.getContentType();
        if (contentType != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            headers.add(new String[] {HttpHeaders.CONTENT_TYPE, contentType});
        }
        // The values to renew, found as the ETag filter finds them; ISO-8859-1 keeps every byte of a value.
        List<byte[]> parts = new ArrayList<>();
        List<String> exempt = new ArrayList<>();
        int from = 0;
        for (int[] value : PageEtags.exemptValues(body)) {
            parts.add(Arrays.copyOfRange(body, from, value[0]));
            exempt.add(new String(body, value[0], value[1] - value[0], StandardCharsets.ISO_8859_1));
            from = value[1];
        }
        parts.add(from == 0 ? body : Arrays.copyOfRange(body, from, body.length));
        byte[][] cut = parts.toArray(byte[][]::new);
        boolean compressible = body.length >= MIN_COMPRESSED
                && contentType != null
                && COMPRESSIBLE.matcher(contentType).lookingAt()
                && response.getHeader(HttpHeaders.CONTENT_ENCODING) == null;
        return new Entry(
                stamp,
                shows,
                List.copyOf(headers),
                response.getHeader(HttpHeaders.ETAG),
                cut,
                exempt.toArray(String[]::new),
                compressible ? GzipParts.of(cut) : null);
    }

    /** Below this, compression saves less than it costs. */
    private static final int MIN_COMPRESSED = 1024;

    private static final Pattern COMPRESSIBLE =
            Pattern.compile("(text/|application/(json|xml|atom\\+xml|problem\\+json|ld\\+json|x-bibtex))");

    /** Whether the request accepts gzip (a {@code q=0} refuses it). */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (values.hasMoreElements()) {
            for (String coding : values.nextElement().split(",")) {
                String[] parameters = coding.trim().split(";");
                String name = parameters[0].trim();
                if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                    boolean refused = false;
                    for (int i = 1; i < parameters.length; i++) {
                        String parameter = parameters[i].replace(" ", "");
                        if (parameter.matches("q=0(\\.0{0,3})?")) {
                            refused = true;
                        }
                    }
                    return !refused;
                }
            }
        }
        return false;
    }

    private void serve(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean notModified = notModified(entry, request);
        boolean gzip = entry.gzip() != null && acceptsGzip(request);
        for (String[] header : entry.headers()) {
            if (notModified && header[0].equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                continue;
            }
            if (gzip && header[0].equalsIgnoreCase(HttpHeaders.ETAG)) {
                // As nginx does: the compressed body is another representation, so its validator is weak.
                response.addHeader(HttpHeaders.ETAG, "W/" + opaque(header[1]));
                continue;
            }
            response.addHeader(header[0], header[1]);
        }
        if (entry.gzip() != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        byte[][] parts = entry.parts();
        byte[][] values = new byte[entry.exempt().length][];
        long length = 0;
        Instant now = null;
        for (int i = 0; i < values.length; i++) {
            String value = entry.exempt()[i];
            if (now == null) {
                now = clock.instant();
            }
            for (RenderTimeValues renewal : renewals) {
                value = renewal.renew(request.getRequestURI(), value, now);
            }
            // Attribute values are HTML-escaped where they were rendered; a renewed one must not need it.
            values[i] = UNSAFE.matcher(value).replaceAll("").getBytes(StandardCharsets.UTF_8);
            length += values[i].length;
        }
        for (byte[] part : parts) {
            length += part.length;
        }
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            length = entry.gzip().length(values);
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        var out = response.getOutputStream();
        if (gzip) {
            entry.gzip().write(parts, values, out);
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            out.write(parts[i]);
            if (i < values.length) {
                out.write(values[i]);
            }
        }
    }

    /** {@code If-None-Match} (compared weakly, as for a GET) or, without it, {@code If-Modified-Since}. */
    private static boolean notModified(Entry entry, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (entry.etag() == null) {
                return false;
            }
            String etag = opaque(entry.etag());
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || opaque(tag).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return since >= 0 && entry.stamp().changedAt().toEpochMilli() <= since;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** The request as if it carried no condition, so that the page is rendered whole. */
    private static final class WithoutConditions extends HttpServletRequestWrapper {

        WithoutConditions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT))
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!CONDITIONS.contains(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }
    }
}
