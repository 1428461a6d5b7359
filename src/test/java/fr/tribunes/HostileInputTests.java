package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Thousands of hostile values sent to every route the application maps, and to every parameter and form field
 * of each: path traversal, NUL and control characters, 100 KB strings, SQL, Lucene and template syntax, HTML and
 * script, huge and negative numbers, repeated parameters, hostile field names, wrong methods and content types.
 * Each answer must be no 5xx, show no stack trace or exception name, and never give back a payload's marker
 * ({@code <tribunes-xss-N>}) unescaped. The routes come from Spring MVC's own handler mapping, so a new one is
 * covered without touching this test; administration routes are called as a signed-in editor with a CSRF token.
 *
 * <p>Most requests go through MockMvc (fast, and it can send any string). What only a real server sees — bytes that
 * are not UTF-8, broken percent-encoding, raw control characters, an over-long request line — goes to Tomcat on a
 * random port through a socket, byte for byte.
 *
 * <p>The values are drawn from a fixed list and a seeded random generator: a failure names its exact request and
 * happens again on the next run. (Plain JUnit rather than jqwik: the Spring context and MockMvc are Jupiter's,
 * and shrinking would add little when each failure is reported with the request that caused it.)
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1",
            "tribunes.comments.min-delay=0s"
        })
// Fourteen thousand requests printed on a failure would bury it: the failures are listed instead.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE, printOnlyOnFailure = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    private static final Log log = LogFactory.getLog(HostileInputTests.class);

    /** What must never be seen in an answer: the names and frames of a failure inside. */
    static final List<String> LEAKS = List.of(
            "Exception",
            "at fr.tribunes",
            "fr.tribunes.",
            "org.springframework",
            "org.hibernate",
            "org.apache",
            "java.lang",
            "jakarta.",
            "Whitelabel",
            "Tomcat",
            "Caused by");

    static final String MARKER = "<tribunes-xss-";

    /** An editor created at start-up (FirstEditor): the administration's routes are called as them. */
    static final String EDITOR = "redaction";

    /** Routes outside Spring MVC's handler mapping: Spring Security's own, and the actuator's. */
    static final List<Route> OTHER_ROUTES = List.of(
            new Route("POST", "/connexion", List.of(), List.of("username", "password"), false),
            new Route("POST", "/deconnexion", List.of(), List.of(), false),
            new Route("GET", "/actuator/health", List.of(), List.of(), false),
            new Route("GET", "/actuator/health/liveness", List.of(), List.of(), false),
            new Route("GET", "/actuator/health/readiness", List.of(), List.of(), false));

    /**
     * Values per path variable or parameter: the fixed values go round the slots, so each is sent to many of them
     * (there are over a hundred slots), and a run stays under a minute on two cores.
     */
    static final int FIXED_PER_SLOT = 10;

    static final int RANDOM_PER_SLOT = 3;

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /** Field names no form has, sent to the routes that read a body. */
    static final List<String> FIELD_NAMES = List.of(
            "class.module.classLoader.defaultAssertionStatus",
            "bylines[2147483647].author",
            "bylines[300].author",
            "bylines[-1].author",
            "bylines[a].author",
            "version",
            "_method",
            "<tribunes-xss-field>",
            "");

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleEditor articleEditor;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    /** One route as mapped: its method, its pattern, its path variables and the parameters it reads. */
    record Route(String method, String pattern, List<String> variables, List<String> parameters, boolean admin) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every route the application maps, with the request parameters and form fields its handler takes. */
    List<Route> routes() {
        Set<Route> routes = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            List<String> parameters = parameters(mapping.getValue());
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
                methods.add("POST");
            }
            for (String pattern : info.getPatternValues()) {
                List<String> variables = new ArrayList<>();
                Matcher variable = Pattern.compile("\\{([^}/]+)}").matcher(pattern);
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
                boolean admin = pattern.startsWith("/admin");
                for (String method : methods) {
                    routes.add(new Route(method, pattern, variables, parameters, admin));
                }
            }
        }
        routes.addAll(OTHER_ROUTES);
        return List.copyOf(routes);
    }

    /** The request parameters a handler reads: named ones, and each field of a form object (nested lists too). */
    static List<String> parameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            if (requestParam != null) {
                String name = requestParam.name().isEmpty() ? requestParam.value() : requestParam.name();
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || type.getPackageName().startsWith("fr.tribunes")) {
                names.addAll(fields(type, ""));
            }
        }
        return names;
    }

    static List<String> fields(Class<?> form, String prefix) {
        List<String> names = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            if (property.getWriteMethod() == null) {
                continue;
            }
            Class<?> type = property.getPropertyType();
            if (BeanUtils.isSimpleProperty(type)) {
                names.add(prefix + property.getName());
            } else if (List.class.isAssignableFrom(type)
                    && property.getWriteMethod().getGenericParameterTypes()[0] instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                names.addAll(fields(element, prefix + property.getName() + "[0]."));
            }
        }
        return names;
    }

    /** A plausible value for a path variable, so that a hostile value elsewhere reaches the handler. */
    static String plausible(String pattern, String variable) {
        return switch (variable) {
            case "slug" ->
                pattern.startsWith("/auteurs")
                        ? "theodore-michel-vrangos"
                        : pattern.startsWith("/themes")
                                ? "cloud-souverain"
                                : pattern.startsWith("/organisations") ? "numergy" : SeedTribune.SLUG;
            case "kind" -> "themes";
            case "year" -> "2015";
            default -> "1";
        };
    }

    // --- The values ----------------------------------------------------------------------------------------------

    private final AtomicInteger markers = new AtomicInteger();

    private int nextFixed;

    String marker() {
        return "<tribunes-xss-" + markers.incrementAndGet() + ">";
    }

    /** The fixed hostile values; {@code %M} stands for a fresh marker. */
    static final List<String> FIXED = List.of(
            // Markup and script, in text, attribute and script contexts
            "%M",
            "\"><%M",
            "'><%M",
            "</script>%M<script>alert(1)</script>",
            "</title></textarea></style>%M",
            "javascript:alert(1)//%M",
            "<img src=x onerror=alert(1)>%M",
            "<![CDATA[%M]]>",
            "&lt;%M&#x3C;",
            // Path traversal
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "..",
            ".",
            "..;/admin",
            "/admin/editeurs",
            "%2e%2e%2f%2e%2e%2f",
            "%252e%252e%252f",
            "WEB-INF/web.xml",
            // NUL and control characters
            "\u0000",
            "a\u0000b%M",
            "\r\nSet-Cookie: injected=1",
            "\r\n\r\n%M",
            "\t\u000b\f",
            "\u0007\u001b[31m",
            "\u007f\u0085",
            // Unicode oddities
            "\ud800",
            "\udfff\ud800",
            "\uffff\ufffe",
            "\ufeff%M",
            "\u202e%M",
            "Ｓｃｒｉｐｔ",
            "🦄🏳️‍🌈",
            "e\u0301\u0301\u0301\u0301\u0301",
            "« l’État » ; : ! ?",
            // SQL
            "' OR '1'='1",
            "'; DROP TABLE article; --",
            "\" OR 1=1 --",
            "1 UNION SELECT password_hash FROM editor",
            "%' AND 1=0 UNION SELECT 1 --",
            // Lucene and search syntax
            "*",
            "?",
            "title:*",
            "\"unterminated",
            "a AND OR NOT",
            "(((((((((",
            "[a TO z]",
            "{* TO *]",
            "/.*/",
            "a~999",
            "a^-1",
            "+-&&||!(){}[]^\"~*?:\\/",
            "-",
            "\"\"",
            // Templates and expression languages
            "${7*7}",
            "#{7*7}",
            "*{7*7}",
            "[[${7*7}]]",
            "__${T(Runtime).getRuntime()}__::.x",
            "%s%n%x%d",
            "{0}{1}",
            // Numbers
            "",
            " ",
            "0",
            "-1",
            "-0",
            "1.5",
            "1e308",
            "NaN",
            "Infinity",
            "0x7fffffff",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999999999999999999",
            "999999999",
            "107374183",
            "١٢٣",
            // Dates
            "2015-02-30",
            "0000-00-00",
            "99999-12-31",
            "2015-13",
            // Addresses and e-mail
            "http://127.0.0.2/%M",
            "//evil.example/",
            "mailto:a@b\u0000c",
            "a@b.c\r\nBcc: x@y.z");

    /** Characters a random value is made of: every syntax above, and then some. */
    static final String ALPHABET = "<>\"'&;/\\%?#[]{}()*:~!^|$@=+,.-_ \t\r\n\u0000\u0001\u001f\u007f\u00a0\u202f\ufeff"
            + "\ud800\udfffaZ09éÉ«»’€漢🦄";

    /**
     * The values one slot gets: {@code fixedCount} of the fixed ones (all of them, over the slots of a run), one
     * 100 KB value, and {@code randomCount} random ones.
     */
    List<String> values(Random random, int fixedCount, int randomCount) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < fixedCount; i++) {
            values.add(FIXED.get(nextFixed++ % FIXED.size()).replace("%M", marker()));
        }
        values.add(
                switch (random.nextInt(3)) {
                    case 0 -> "a".repeat(100 * 1024);
                    case 1 -> "é".repeat(50 * 1024) + marker();
                    default -> "<".repeat(20_000) + marker();
                });
        for (int i = 0; i < randomCount; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(5000) : random.nextInt(60);
            StringBuilder value = new StringBuilder(length + 24);
            for (int c = 0; c < length; c++) {
                value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextBoolean()) {
                value.insert(random.nextInt(value.length() + 1), marker());
            }
            values.add(value.toString());
        }
        return values;
    }

    // --- The checks ----------------------------------------------------------------------------------------------

    /** What is wrong with an answer, or null: a 5xx, a failure's name or frame, or a marker given back as sent. */
    static String problem(int status, String body) {
        return problem(status, "text/html", body);
    }

    /**
     * As above; a marker counts only in an answer a browser could render as a page (HTML, XML, SVG, or no type):
     * JSON and plain text answers with {@code X-Content-Type-Options: nosniff} show {@code <} as a character.
     */
    static String problem(int status, String contentType, String body) {
        if (status >= 500) {
            return "status " + status;
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return "body shows «" + leak + "»";
            }
        }
        if (renderable(contentType) && body.contains(MARKER)) {
            int at = body.indexOf(MARKER);
            return "body gives back a payload unescaped: …"
                    + body.substring(Math.max(0, at - 40), Math.min(body.length(), at + 40)) + "…";
        }
        return null;
    }

    static boolean renderable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("html") || type.contains("xml") || type.contains("svg");
    }

    final class Results {
        int requests;
        final Set<String> routes = new TreeSet<>();
        final Map<String, String> failures = new LinkedHashMap<>();
        final java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();

        void check(Route route, String description, MockHttpServletRequestBuilder request) {
            requests++;
            long started = System.nanoTime();
            routes.add(route.toString());
            String problem;
            try {
                MockHttpServletResponse response =
                        mvc.perform(request).andReturn().getResponse();
                problem = problem(
                        response.getStatus(),
                        response.getContentType(),
                        response.getContentAsString(StandardCharsets.UTF_8));
            } catch (Exception escaped) {
                problem = "exception escaped: " + escaped;
            }
            if (problem != null && failures.size() < 50) {
                failures.putIfAbsent(route + " " + abbreviate(description), problem);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            slowest.put(millis * 100_000 + requests, route + " " + abbreviate(description));
            if (slowest.size() > 10) {
                slowest.pollFirstEntry();
            }
        }
    }

    static String abbreviate(String value) {
        String shown = value.replaceAll("\\p{Cntrl}", "·");
        return shown.length() > 80 ? shown.substring(0, 80) + "…(" + value.length() + " chars)" : shown;
    }

    MockHttpServletRequestBuilder request(Route route, String method, Map<String, String> variables) {
        String uri = UriComponentsBuilder.fromPath(route.pattern())
                .buildAndExpand(variables)
                .encode()
                .toUriString();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri);
        if (route.admin() || route.pattern().equals("/deconnexion")) {
            // A session of its own, as a signed-in browser has one: Spring Security's user() would make the
            // application register a new session for every request, and count the editor's sessions each time.
            request.with(EditorSession.signedIn()).with(csrf());
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        return request;
    }

    Map<String, String> plausibleVariables(Route route) {
        Map<String, String> variables = new LinkedHashMap<>();
        route.variables().forEach(name -> variables.put(name, plausible(route.pattern(), name)));
        return variables;
    }

    /**
     * An author, theme or organisation known only from a draft is unknown everywhere in public: its page, its feeds,
     * the API's filters and the search's answer as they do for a name nobody ever wrote, and never show its name.
     */
    @Test
    void namesKnownOnlyFromADraftAreUnknownEverywhereInPublic() throws Exception {
        articleEditor.create(
                new ArticleDraft(
                        "Tribune synthétique sous embargo (données de test)",
                        "tribune-synthetique-sous-embargo",
                        null,
                        "Paragraphe synthétique, écrit pour les tests.",
                        "2020",
                        false,
                        null,
                        null,
                        null,
                        List.of(new ArticleDraft.Byline(
                                "Auteur synthétique sous embargo",
                                null,
                                null,
                                "Organisation synthétique sous embargo",
                                null)),
                        List.of("Thème synthétique sous embargo"),
                        List.of()),
                "test");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/auteurs/auteur-synthetique-sous-embargo", 404);
        expected.put("/auteurs/auteur-synthetique-sous-embargo/flux.atom", 404);
        expected.put("/flux.atom?auteur=auteur-synthetique-sous-embargo", 404);
        expected.put("/themes/theme-synthetique-sous-embargo", 404);
        expected.put("/themes/theme-synthetique-sous-embargo/flux.atom", 404);
        expected.put("/flux.atom?theme=theme-synthetique-sous-embargo", 404);
        expected.put("/organisations/organisation-synthetique-sous-embargo", 404);
        expected.put("/api/tribunes?auteur=auteur-synthetique-sous-embargo", 404);
        expected.put("/api/tribunes?theme=theme-synthetique-sous-embargo", 404);
        expected.put("/api/tribunes?organisation=organisation-synthetique-sous-embargo", 404);
        expected.put("/recherche?q=embargo&auteur=auteur-synthetique-sous-embargo", 400);
        expected.put("/recherche?q=embargo&theme=theme-synthetique-sous-embargo", 400);
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            answered.put(path, response.getStatus());
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .as(path)
                    .doesNotContain("sous embargo");
        }
        assertThat(answered).isEqualTo(expected);
    }

    /**
     * A name with line breaks would forge records in the exports where a line is one (RIS): the back office's
     * one-line fields refuse them, with the reason, and store nothing.
     */
    @Test
    void aLineBreakInAOneLineFieldIsRefusedWithItsReason() throws Exception {
        String forged = "Nom synthétique\nUR  - https://evil.example/\nER  - \nTY  - JOUR";
        for (String kind : List.of("auteurs", "themes", "organisations")) {
            String page = mvc.perform(MockMvcRequestBuilders.post("/admin/facettes/" + kind + "/nouveau")
                            .with(user(EDITOR).roles("EDITOR"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("name", forged)
                            .param("slug", "nom-force-" + kind))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);

            assertThat(page).as(kind).contains("Le nom tient sur une ligne\u202f: retirez-en les retours");
            assertThat(mvc.perform(get("/" + kind + "/nom-force-" + kind))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(kind)
                    .isEqualTo(404);
        }
    }

    /**
     * The largest page numbers a visitor can type (nine digits) lie beyond every list, and beyond what a database
     * offset or a search window can hold: each list answers the 400 of a page past its end, in French.
     */
    @Test
    void aPageNumberBeyondAnyListIsAPagePastTheEndNotAFailure() throws Exception {
        for (String address : List.of(
                "/themes/cloud-souverain?page=999999999",
                "/auteurs/theodore-michel-vrangos?page=999999999",
                "/organisations/numergy?page=999999999",
                "/archives/2015?page=999999999",
                "/recherche?q=etat&page=107374183",
                "/recherche?q=etat&page=500000",
                "/recherche?q=etat&page=999999999",
                "/api/tribunes?page=999999999",
                "/api/tribunes?theme=cloud-souverain&page=107374183")) {
            MockHttpServletResponse response =
                    mvc.perform(get(address)).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(address).isEqualTo(400);
            assertThat(body).as(address).contains("n’existe pas");
            assertThat(LEAKS).as(address).noneMatch(body::contains);
        }
    }

    @Slow
    @Test
    void noRouteFailsShowsAFailureOrGivesBackAPayloadWhateverItIsSent() {
        List<Route> routes = routes();
        assertThat(routes)
                .as("routes found in the handler mapping")
                .extracting(Route::toString)
                .contains(
                        "GET /recherche",
                        "GET /tribunes/{slug}",
                        "POST /admin/tribunes/{id}",
                        "POST /tribunes/{slug}/commentaires",
                        "GET /api/tribunes");
        Random random = new Random(20151022);
        Results results = new Results();
        Set<String> patterns = new java.util.HashSet<>();
        long start = System.nanoTime();
        for (Route route : routes) {
            // Each path variable, then each parameter, in turn hostile, the others plausible.
            for (String variable : route.variables()) {
                for (String value : values(random, FIXED_PER_SLOT, RANDOM_PER_SLOT)) {
                    Map<String, String> variables = plausibleVariables(route);
                    variables.put(variable, value);
                    results.check(route, "{" + variable + "}=" + value, request(route, route.method(), variables));
                }
            }
            for (String parameter : route.parameters()) {
                for (String value : values(random, FIXED_PER_SLOT, RANDOM_PER_SLOT)) {
                    results.check(
                            route,
                            parameter + "=" + value,
                            request(route, route.method(), plausibleVariables(route))
                                    .param(parameter, value));
                }
                // The same parameter many times over, and with hostile values.
                results.check(
                        route,
                        parameter + " repeated",
                        request(route, route.method(), plausibleVariables(route))
                                .param(parameter, "1", "-1", marker(), "", "99999999999999999999"));
            }
            // Every field at once hostile, and fields the handler does not expect.
            MockHttpServletRequestBuilder all = request(route, route.method(), plausibleVariables(route));
            route.parameters().forEach(parameter -> all.param(parameter, "\"><" + "tribunes-xss-0>" + "'\u0000"));
            results.check(route, "every field hostile", all);
            boolean get = route.method().equals("GET");
            for (String name :
                    get ? List.of("class.module.classLoader.defaultAssertionStatus", marker()) : FIELD_NAMES) {
                results.check(
                        route,
                        "unexpected field " + name,
                        request(route, route.method(), plausibleVariables(route))
                                .param(name, "1"));
            }
            // Every other method, once per address, and bodies of the wrong type where a body is read.
            if (patterns.add(route.pattern())) {
                for (String method : METHODS) {
                    results.check(route, "method " + method, request(route, method, plausibleVariables(route)));
                }
            }
            if (!get) {
                for (MediaType type : List.of(
                        MediaType.APPLICATION_JSON,
                        MediaType.APPLICATION_XML,
                        MediaType.MULTIPART_FORM_DATA,
                        MediaType.TEXT_PLAIN,
                        MediaType.valueOf("application/x-www-form-urlencoded;charset=ISO-8859-1"))) {
                    results.check(
                            route,
                            "body as " + type,
                            request(route, route.method(), plausibleVariables(route))
                                    .contentType(type)
                                    .content("{\"title\":\"" + marker() + "\"}<a>\u0000</a>"));
                }
            }
            results.check(
                    route,
                    "hostile headers",
                    request(route, route.method(), plausibleVariables(route))
                            .header("Accept", "text/html;q=0.\u0000, */*;q=-1, " + marker())
                            .header("Accept-Language", "xx-" + marker())
                            .header("If-None-Match", "\"" + marker() + "\"")
                            .header("If-Modified-Since", "hier")
                            .header("Origin", "http://127.0.0.2")
                            .header("Referer", "javascript:" + marker())
                            .header("Range", "bytes=-1-2,99999999999999999999-"));
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        log.info("Hostile input through MockMvc: %d requests over %d routes (%d mapped) in %d s"
                .formatted(results.requests, results.routes.size(), routes.size(), seconds));
        results.slowest
                .descendingMap()
                .forEach((key, request) -> log.info("slow: %d ms %s".formatted(key / 100_000, request)));
        assertThat(results.routes).hasSameSizeAs(routes);
        assertThat(results.failures).as("requests answered badly").isEmpty();
    }

    // --- Through a real server: bytes MockMvc cannot express -----------------------------------------------------

    /** Raw bytes for a path segment or a query value, sent as they are. */
    static final List<byte[]> RAW = List.of(
            bytes("%"),
            bytes("%Z"),
            bytes("%ZZ"),
            bytes("%C3%28"),
            bytes("%C0%AF"),
            bytes("%ED%A0%80"),
            bytes("%F4%90%80%80"),
            bytes("%FF%FE"),
            bytes("%00"),
            bytes("%0d%0aSet-Cookie:%20x=1"),
            bytes("%2e%2e%2f%2e%2e%2fWEB-INF"),
            bytes("..%5c..%5c"),
            bytes("%u003Ctribunes-xss-raw%u003E"),
            bytes("%3Ctribunes-xss-raw%3E"),
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0x80},
            new byte[] {0x00},
            new byte[] {0x01},
            new byte[] {0x1b},
            new byte[] {0x7f},
            new byte[] {'a', '\t', 'b'},
            bytes("<tribunes-xss-raw>"),
            bytes("\"{}|^`"),
            bytes("a".repeat(10_000)));

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Slow
    @Test
    void aRealServerRefusesBrokenBytesWithoutFailingOrShowingThem() throws IOException {
        List<Route> routes = routes().stream()
                .filter(route -> route.method().equals("GET") || route.method().equals("POST"))
                .toList();
        int requests = 0;
        Set<String> covered = new TreeSet<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Route route : routes) {
            List<byte[]> targets = new ArrayList<>();
            for (String variable : route.variables()) {
                for (byte[] raw : RAW) {
                    Map<String, String> variables = new LinkedHashMap<>();
                    route.variables().forEach(name -> variables.put(name, plausible(route.pattern(), name)));
                    variables.put(variable, "\u0001");
                    String uri = UriComponentsBuilder.fromPath(route.pattern())
                            .buildAndExpand(variables)
                            .encode()
                            .toUriString();
                    targets.add(replace(bytes(uri), bytes("%01"), raw));
                }
            }
            List<String> parameters = route.parameters().isEmpty() ? List.of("q") : route.parameters();
            for (String parameter : parameters.subList(0, Math.min(3, parameters.size()))) {
                for (byte[] raw : RAW) {
                    Map<String, String> variables = new LinkedHashMap<>();
                    route.variables().forEach(name -> variables.put(name, plausible(route.pattern(), name)));
                    String uri = UriComponentsBuilder.fromPath(route.pattern())
                            .buildAndExpand(variables)
                            .encode()
                            .toUriString();
                    byte[] query = concat(bytes(uri + "?" + parameter + "="), raw);
                    if (route.method().equals("POST")) {
                        // The same bytes as a form body.
                        targets.add(concat(bytes(uri), bytes(" BODY "), concat(bytes(parameter + "="), raw)));
                    } else {
                        targets.add(query);
                    }
                }
            }
            for (byte[] target : targets) {
                requests++;
                covered.add(route.toString());
                String answer = send(route.method(), target);
                String problem = rawProblem(answer);
                if (problem != null && failures.size() < 50) {
                    failures.putIfAbsent(
                            route + " " + abbreviate(new String(target, StandardCharsets.ISO_8859_1)), problem);
                }
            }
        }
        // Whole requests that are broken, not only their values.
        List<byte[]> broken = List.of(
                bytes("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9000)
                        + "\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: <tribunes-xss-host>\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: localhost\r\nHost: other\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n"),
                bytes("GÉT / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                bytes("GET /\u0000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                bytes("POST /connexion HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n"),
                bytes("POST /connexion HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999999999999\r\n"
                        + "Connection: close\r\n\r\n"),
                bytes("POST /connexion HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 3\r\nConnection: close\r\n\r\nzz\r\n"),
                bytes("GET /recherche?q=a&q=b&q=%3Ctribunes-xss-raw%3E&page=1&page=-1 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"),
                bytes("GET /recherche?" + "a=1&".repeat(1500)
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        for (byte[] request : broken) {
            requests++;
            String problem = rawProblem(exchange(request));
            if (problem != null) {
                failures.putIfAbsent(abbreviate(new String(request, StandardCharsets.ISO_8859_1)), problem);
            }
        }
        log.info("Hostile input through Tomcat: %d raw requests over %d routes".formatted(requests, covered.size()));
        assertThat(covered).hasSameSizeAs(routes);
        assertThat(failures).as("raw requests answered badly").isEmpty();
    }

    /** A raw answer's problem: none at all (a closed connection is a refusal too), or the same as through MockMvc. */
    static String rawProblem(String answer) {
        if (answer.isEmpty()) {
            return null;
        }
        Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(answer);
        if (!status.find()) {
            return "not an HTTP answer: " + abbreviate(answer);
        }
        int end = answer.indexOf("\r\n\r\n");
        String head = end < 0 ? answer : answer.substring(0, end);
        String body = end < 0 ? "" : answer.substring(end + 4);
        Matcher type = Pattern.compile("(?im)^Content-Type:\\s*(.*)$").matcher(head);
        int code = Integer.parseInt(status.group(1));
        // 505 is the right answer to a request in an HTTP version that does not exist, not a failure.
        return problem(code == 505 ? 400 : code, type.find() ? type.group(1) : null, body);
    }

    String send(String method, byte[] target) throws IOException {
        byte[] request;
        int split = indexOf(target, bytes(" BODY "));
        if (split >= 0) {
            byte[] path = java.util.Arrays.copyOfRange(target, 0, split);
            byte[] body = java.util.Arrays.copyOfRange(target, split + 6, target.length);
            request = concat(
                    bytes(method + " "),
                    path,
                    bytes(" HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n"),
                    body);
        } else {
            request = concat(
                    bytes(method + " "), target, bytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        }
        return exchange(request);
    }

    String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException | java.net.SocketException cut) {
                // What came before the server closed or stopped is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] replace(byte[] in, byte[] what, byte[] with) {
        int at = indexOf(in, what);
        return at < 0
                ? in
                : concat(
                        java.util.Arrays.copyOfRange(in, 0, at),
                        with,
                        java.util.Arrays.copyOfRange(in, at + what.length, in.length));
    }

    // --- The checks can fail ---------------------------------------------------------------------------------------

    /** A controller as one must never be written: it gives back what it is sent, and fails showing why. */
    @Controller
    static class CarelessEcho {

        @GetMapping(value = "/echo", produces = "text/html")
        @ResponseBody
        String echo(@RequestParam String q) {
            return "<p>" + q + "</p>";
        }

        @GetMapping(value = "/trace", produces = "text/html")
        @ResponseBody
        String trace() {
            return "<pre>java.lang.IllegalStateException\n\tat fr.tribunes.Careless.method(Careless.java:1)</pre>";
        }
    }

    @Test
    void theChecksCatchAPayloadGivenBackAFailureAndAStackTrace() throws Exception {
        MockMvc careless = MockMvcBuilders.standaloneSetup(new CarelessEcho()).build();
        String marker = marker();

        MockHttpServletResponse echoed = careless.perform(
                        MockMvcRequestBuilders.get("/echo").param("q", marker))
                .andReturn()
                .getResponse();
        MockHttpServletResponse traced = careless.perform(MockMvcRequestBuilders.get("/trace"))
                .andReturn()
                .getResponse();

        assertThat(problem(echoed.getStatus(), echoed.getContentAsString())).startsWith("body gives back a payload");
        assertThat(problem(traced.getStatus(), traced.getContentAsString())).startsWith("body shows");
        assertThat(problem(500, "Erreur du serveur")).isEqualTo("status 500");
        assertThat(rawProblem("HTTP/1.1 502 Bad Gateway\r\n\r\n")).isEqualTo("status 502");
        assertThat(problem(200, "&lt;tribunes-xss-1&gt;")).isNull();
    }
}
