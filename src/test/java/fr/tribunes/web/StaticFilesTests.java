package fr.tribunes.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The stylesheet and the favicon, over real HTTP from Tomcat: pages link them at addresses carrying a hash of their
 * content, kept a year by browsers and CDNs, gzipped for clients that accept it.
 */
@SiteTest
class StaticFilesTests {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");

    private static final Pattern ICON =
            Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\">");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String linked(Pattern link) throws Exception {
        String home = new String(get("/", null).body(), StandardCharsets.UTF_8);
        Matcher matcher = link.matcher(home);
        assertThat(matcher.find()).as("the home page links it").isTrue();
        return matcher.group(1);
    }

    private static byte[] original(String path) throws IOException {
        try (InputStream in = new ClassPathResource("static" + path).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    @Test
    void pagesLinkTheStylesheetAtAHashedAddressKeptAYearAndGzipped() throws Exception {
        String address = linked(STYLESHEET);
        assertThat(address).matches("/assets/css/tribunes-[0-9a-f]{32}\\.css");

        HttpResponse<byte[]> gzipped = get(address, "gzip, deflate, br");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(gzipped.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache)
                        .contains("max-age=31536000")
                        .contains("public")
                        .contains("immutable"));
        byte[] css = original("/css/tribunes.css");
        assertThat(gunzip(gzipped.body())).isEqualTo(css);
        assertThat(gzipped.body().length).isLessThan(css.length / 2);

        HttpResponse<byte[]> plain = get(address, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(css);
    }

    @Test
    void theFaviconToo() throws Exception {
        String address = linked(ICON);
        assertThat(address).matches("/assets/favicon-[0-9a-f]{32}\\.svg");
        HttpResponse<byte[]> icon = get(address, "gzip");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(gunzip(icon.body())).isEqualTo(original("/favicon.svg"));
        assertThat(icon.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("immutable"));
    }

    @Test
    void onlyTheCurrentHashAnswersUnderAssetsAndThePlainAddressesStillServeBriefly() throws Exception {
        String address = linked(STYLESHEET);
        String otherHash = address.replaceAll("-[0-9a-f]{32}\\.", "-" + "0".repeat(32) + ".");
        assertThat(get(otherHash, null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/css/tribunes.css", null).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> plain = get("/css/tribunes.css", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(plain.body()).isEqualTo(original("/css/tribunes.css"));
    }
}
