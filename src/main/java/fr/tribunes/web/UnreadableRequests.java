package fr.tribunes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a French page, a request whose parameters Tomcat cannot read: an address or a form with invalid
 * percent-encoding or UTF-8, more than 1,000 fields, or a form bigger than {@code server.tomcat.max-http-form-post-size}.
 *
 * <p>Tomcat only finds out when something first asks for a parameter (usually Spring Security's CSRF filter), and
 * then throws; its error dispatch asks again, fails again, logs two stack traces and ends on the container's page
 * about a malformed address, even for a form too big. Asking first, here, answers such a request at once and
 * quietly. It runs inside Spring Security's chain, after the filter writing the security headers, so the page
 * carries them too.
 */
public final class UnreadableRequests extends OncePerRequestFilter {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s — Tribunes</title>
            <link rel="stylesheet" href="/css/tribunes.css">
            </head>
            <body>
            <header class="site"><div class="site-inner"><a class="site-name" href="/">Tribunes</a></div></header>
            <main id="contenu" class="error-page">
            <h1>%1$s</h1>
            <p class="reason">%2$s</p>
            <p><a href="/">Revenir à l’accueil</a></p>
            </main>
            </body>
            </html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (InvalidParameterException unreadable) {
            refuse(request, response, unreadable.getErrorCode());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        boolean tooLarge = status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        String title = tooLarge ? "Formulaire trop volumineux" : "Requête incorrecte";
        String reason;
        if (tooLarge) {
            reason = "Le formulaire envoyé dépasse la taille que le site accepte\u202f: raccourcissez le texte et"
                    + " envoyez-le de nouveau.";
        } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            reason = "L’adresse demandée contient des caractères que le site ne peut pas lire.";
        } else {
            reason = "Le formulaire envoyé contient des caractères que le site ne peut pas lire, ou trop de champs.";
        }
        byte[] body = PAGE.formatted(title, reason).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status >= 400 && status < 500 ? status : HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
