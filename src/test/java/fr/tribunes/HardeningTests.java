package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.web.SecurityHeaders;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the site tells browsers and proxies about itself, and what it refuses before any page is made: security
 * headers on every answer, cookies that stay where they belong, the health probes and nothing else of the actuator,
 * no database console, and requests too big or unreadable answered with a French page rather than a failure. On a
 * real Tomcat, since most of this happens there; with forwarded headers trusted, as behind the nginx of
 * {@code deploy/}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SiteTest
class HardeningTests {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleEditor articles;

    final HttpClient http = HttpClient.newHttpClient();

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * The CSRF token an editor's browser would send, read from a form page. Not spring-security-test's {@code csrf()}:
     * it swaps the running filter's token store for a session-based one, and the real requests this class also sends
     * to the same application would then open sessions.
     */
    RequestPostProcessor tokenFrom(String formPage) throws IOException {
        MvcTestResult page =
                mvc.get().uri(formPage).with(user("redaction").roles("EDITOR")).exchange();
        Cookie cookie = page.getResponse().getCookie("XSRF-TOKEN");
        Matcher token = FORM_TOKEN.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(cookie).isNotNull();
        assertThat(token.find()).isTrue();
        String value = token.group(1);
        return request -> {
            request.setCookies(cookie);
            request.addParameter("_csrf", value);
            return request;
        };
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- Headers ---------------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNamesNoServer() throws Exception {
        for (String path : List.of(
                "/",
                SeedTribune.PATH,
                "/recherche?q=cloud",
                "/connexion",
                "/nulle-part",
                "/themes/cloud-souverain?page=abc",
                "/css/tribunes.css",
                "/api/themes",
                "/flux.atom")) {
            Map<String, List<String>> headers = get(path).headers().map();

            assertThat(headers.get("content-security-policy")).as(path).containsExactly(POLICY);
            assertThat(headers.get("x-content-type-options")).as(path).containsExactly("nosniff");
            assertThat(headers.get("x-frame-options")).as(path).containsExactly("DENY");
            assertThat(headers.get("referrer-policy")).as(path).containsExactly("strict-origin-when-cross-origin");
            assertThat(headers.get("permissions-policy"))
                    .as(path)
                    .singleElement()
                    .asString()
                    .contains("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()");
            // Over plain HTTP, HSTS would mean nothing (and is ignored by browsers): it comes with HTTPS only.
            assertThat(headers).as(path).doesNotContainKeys("strict-transport-security", "server", "x-powered-by");
        }
    }

    @Test
    void theSwaggerUiHasItsOwnPolicyStillNothingFromElsewhere() throws Exception {
        HttpResponse<String> viewer = get("/swagger-ui/index.html");

        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self';", "frame-ancestors 'none'", "connect-src 'self';")
                        .doesNotContain("unsafe-eval", "http:", "https:", "*"));
        assertThat(viewer.body()).doesNotContainPattern("<script>|<script [^>]*>[^<\\s]");
    }

    @Test
    void publicPagesStayCacheableAndCookieFree() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(home.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void behindHttpsTheSiteAsksForHttpsAndItsCookieIsSecure() throws Exception {
        HttpResponse<String> home = get("/", "X-Forwarded-Proto", "https");
        HttpResponse<String> signIn = get("/connexion", "X-Forwarded-Proto", "https");

        assertThat(home.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age=31536000"));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("XSRF-TOKEN=")
                .contains("; Secure", "; HttpOnly", "; SameSite=Lax");
    }

    @Test
    void overPlainHttpTheCookieIsStillHttpOnlyAndSameSite() throws Exception {
        assertThat(get("/connexion").headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .contains("; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindHttps() throws Exception {
        for (String scheme : List.of("https", "http")) {
            // From an address of this test's own (forwarded headers are trusted), so that no other test's count moves.
            String[] forwarded = {"X-Forwarded-Proto", scheme, "X-Forwarded-For", "192.0.2.131"};
            HttpResponse<String> signIn = get("/connexion", forwarded);
            String csrfCookie =
                    signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String token = signIn.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> signedIn = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                            .headers(forwarded)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", csrfCookie)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + SiteTest.EDITOR + "&password="
                                    + SiteTest.PASSWORD.replace(' ', '+') + "&_csrf=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin/tribunes");
            String session = signedIn.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(EditorSession.COOKIE + "="))
                    .findFirst()
                    .orElseThrow();
            assertThat(session).as(scheme).contains("; Path=/;", "; HttpOnly", "; SameSite=Lax");
            if (scheme.equals("https")) {
                assertThat(session).contains("; Secure");
            } else {
                assertThat(session).doesNotContain("Secure");
            }
        }
    }

    @Test
    void someoneWhoHasNotSignedInGetsNoSessionOnTheServer() throws Exception {
        // A session cookie as Spring Session writes one (the id in Base64), for a session that does not exist.
        HttpResponse<String> admin = get(
                "/admin/tribunes?q=x",
                "Cookie",
                EditorSession.COOKIE + "=" + EditorSession.cookieValue("00000000-0000-4000-8000-000000000000"));
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValue("/connexion");
        assertThat(admin.headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("tribunes-demande=")
                .contains("Path=/connexion", "HttpOnly");

        HttpResponse<String> signIn = get("/connexion");
        String csrfCookie =
                signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = signIn.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> failed = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", csrfCookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=personne&password=faux&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location")).hasValue("/connexion?echec&identifiant=personne");
        for (HttpResponse<String> response : List.of(admin, signIn, failed)) {
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(response.uri().toString())
                    .noneMatch(cookie ->
                            cookie.startsWith(EditorSession.COOKIE + "=") || cookie.startsWith("JSESSIONID="));
        }
        assertThat(get("/connexion?echec&identifiant=personne").body())
                .contains("Identifiant ou mot de passe incorrect.", "value=\"personne\"");
    }

    @Test
    void theHostHeaderIsNeverReflected() throws IOException {
        String description = raw("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(description)
                .contains("\"servers\":[{\"url\":\"http://localhost:8080\"")
                .doesNotContain("evil");

        String toSignIn = raw("GET /admin/tribunes HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(toSignIn)
                .startsWith("HTTP/1.1 302")
                .contains("\r\nLocation: /connexion\r\n")
                .doesNotContain("evil");
    }

    // --- Surface ---------------------------------------------------------------------------------------------------

    @Test
    void thereIsNoDatabaseConsole() throws Exception {
        for (String path : List.of("/h2-console", "/h2-console/", "/h2-console/login.jsp")) {
            HttpResponse<String> console = get(path);

            assertThat(console.statusCode()).as(path).isEqualTo(404);
            assertThat(console.body()).as(path).contains("Page introuvable");
        }
    }

    @Test
    void theHealthProbesAnswerUpWithoutDetailsAndAreNeverKept() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = get(path);

            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
            assertThat(health.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(health.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void noOtherActuatorEndpointAnswers() throws Exception {
        for (String path : List.of(
                "/actuator",
                "/actuator/info",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/mappings",
                "/actuator/metrics",
                "/actuator/loggers",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/modulith",
                "/actuator/health/db",
                "/actuator/health/diskSpace")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> shutdown = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/shutdown"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Refused: without a CSRF token first (403), and there is nothing there anyway.
        assertThat(shutdown.statusCode()).isIn(403, 404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theErrorAddressAskedForDirectlyIsNotAFailure() throws Exception {
        HttpResponse<String> error = get("/error");

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("Page introuvable");
    }

    // --- Limits ----------------------------------------------------------------------------------------------------

    @Test
    void headersTooLongAreRefusedWithAFrenchPage() throws IOException {
        String answer = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("Requête incorrecte", "trop longue").doesNotContain("Tomcat", "Exception");
        // Tomcat answers alone, before Spring Security: the page still carries the site's policies.
        assertThat(answer)
                .contains("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("X-Content-Type-Options: nosniff", "X-Frame-Options: DENY")
                .contains("Permissions-Policy: " + SecurityHeaders.PERMISSIONS_POLICY);
    }

    @Test
    void aFormTooBigIsRefusedWithAFrenchPageAndNoFailureInTheLog(CapturedOutput log) throws Exception {
        String body = "comment=" + "a".repeat(1100 * 1024);

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + SeedTribune.PATH + "/commentaires"))
                        .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body())
                .contains("lang=\"fr\"", "Formulaire trop volumineux", "raccourcissez")
                .doesNotContain("Exception");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(POLICY);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(log.getAll()).doesNotContain("InvalidParameterException");
    }

    @Test
    void aFormTomcatCannotDecodeIsRefusedWithAFrenchPage(CapturedOutput log) throws IOException {
        String body = "username=%ZZ&password=%C3%28";
        String answer = raw("POST /connexion HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("Requête incorrecte", "Le formulaire envoyé contient des caractères");
        assertThat(log.getAll()).doesNotContain("InvalidParameterException");
    }

    @Test
    void aFormFieldOutOfBoundsIsRefusedWithAFrenchPage() throws IOException {
        for (String field : List.of("bylines[-1].author", "bylines[500].author", "bylines[x].author")) {
            assertThat(mvc.post()
                            .uri("/admin/tribunes/nouvelle")
                            .with(user("redaction").roles("EDITOR"))
                            .with(tokenFrom("/admin/facettes/themes/nouveau"))
                            .param("title", "Titre")
                            .param(field, "Nom"))
                    .hasStatus(400)
                    .bodyText()
                    .contains("Le formulaire envoyé contient un champ que le site ne peut pas lire.");
        }
    }

    @Test
    void controlCharactersTypedIntoAFormAreNotStoredAndNeverBreakTheFeed() throws Exception {
        assertThat(mvc.post()
                        .uri("/admin/facettes/themes/nouveau")
                        .with(user("redaction").roles("EDITOR"))
                        .with(tokenFrom("/admin/facettes/themes/nouveau"))
                        .param("name", "Thème\u0000 piégé\u0001\ud800")
                        .param("slug", "theme-piege"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.queryForObject("select name from topic where slug = 'theme-piege'", String.class))
                .isEqualTo("Thème piégé");
        // A theme has a feed once an op-ed published under it (before, its name is known to editors only).
        long id = articles.create(
                new ArticleDraft(
                        "Tribune synthétique au thème piégé (données de test)",
                        "",
                        "",
                        "Paragraphe synthétique, écrit pour ce test.",
                        "2024-05",
                        false,
                        null,
                        null,
                        null,
                        List.of(new ArticleDraft.Byline("Auteur synthétique du thème piégé", null, null, null, null)),
                        List.of("Thème piégé"),
                        List.of()),
                "test");
        articles.publish(id, "test");

        // One stored before the forms dropped them still gives a feed, not a failure.
        jdbc.update("update topic set name = ? where slug = 'theme-piege'", "Thème\u0001 ancien");
        assertThat(mvc.get().uri("/flux.atom?theme=theme-piege"))
                .hasStatusOk()
                .bodyText()
                .contains("Tribunes — Thème ancien");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
