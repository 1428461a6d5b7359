package fr.tribunes.comment;

import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Whether a form was posted from this site's own pages, by the {@code Origin} header browsers send with every
 * post (or, when a browser leaves it out, the {@code Referer}). The comment form's cross-site protection: see
 * {@link FormTokens}. A post saying neither is let through, as some privacy settings strip both; the signed token,
 * the delay and the rate limit still apply to it.
 */
@Component
class SameOrigin {

    private final String siteOrigin;

    SameOrigin(SiteUrls urls) {
        this.siteOrigin = origin(urls.siteUrl());
    }

    /** False when the post says it comes from anywhere other than this site. */
    boolean test(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            String referer = request.getHeader(HttpHeaders.REFERER);
            if (referer == null) {
                return true;
            }
            origin = origin(referer);
        } else {
            // "null" (a sandboxed frame, a local file, some redirects) is not this site either.
            origin = origin(origin);
        }
        return origin != null && (origin.equals(siteOrigin) || origin.equals(requestOrigin(request)));
    }

    /**
     * The request's own origin, so that the site works under whatever address it is reached by (a local run, a
     * test on a random port). A cross-site post from a browser is still refused: the browser sets {@code Origin} to
     * the other site and {@code Host} to this one, and no page can change either.
     */
    private static String requestOrigin(HttpServletRequest request) {
        return normalised(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** {@code scheme://host[:port]} of an absolute address, lower case, default port left out; null if none. */
    static String origin(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return normalised(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normalised(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
