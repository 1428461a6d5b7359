package fr.tribunes.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * The back-office page someone asked for before signing in, kept in a cookie rather than in a server session, so
 * that a visitor who has not signed in creates no state on the server (the default keeps the whole request, every
 * header and parameter, in a session for 30 minutes). Only the page's path and query are kept, and only a path of
 * the administration is given back: after signing in, the editor lands on it, on this site, whatever the cookie says.
 */
final class AskedForCookie implements RequestCache {

    static final String NAME = "tribunes-demande";

    /** Longer addresses are not kept: the editor lands on the administration's home instead. */
    static final int MAX_LENGTH = 1000;

    private static final int MAX_AGE_SECONDS = 30 * 60;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length())
                + (query == null ? "" : "?" + query);
        if (!isAdministration(path) || path.length() > MAX_LENGTH) {
            return;
        }
        response.addCookie(cookie(request, URLEncoder.encode(path, StandardCharsets.UTF_8), MAX_AGE_SECONDS));
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                String path;
                try {
                    path = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return isAdministration(path) && path.length() <= MAX_LENGTH
                        ? new SimpleSavedRequest(request.getContextPath() + path)
                        : null;
            }
        }
        return null;
    }

    /** Nothing is replayed: the editor is sent to the page again, with a GET. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (NAME.equals(cookie.getName())) {
                    response.addCookie(cookie(request, "", 0));
                }
            }
        }
    }

    /** A path of this site's administration: no other host, no scheme, no way out of it. */
    static boolean isAdministration(String path) {
        return (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/admin?"))
                && !path.contains("\\")
                && !path.contains("//")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        // Read only where the sign-in form is posted.
        cookie.setPath(request.getContextPath() + SignInController.PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
