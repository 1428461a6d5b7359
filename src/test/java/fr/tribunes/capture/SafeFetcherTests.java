package fr.tribunes.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * What the archive will fetch for an import, and what it keeps of it: a real HTTP server on loopback (allowed here
 * by name, as the setting allows it in tests) answering pages, redirects, a PDF, an oversized page; every other
 * internal address refused before any connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeFetcherTests {

    HttpServer server;

    String base;

    final SafeFetcher fetcher = new SafeFetcher(List.of("127.0.0.1"));

    final SafeFetcher strict = new SafeFetcher(List.of());

    @BeforeAll
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/page",
                exchange -> answer(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<html><head><title>Page synthétique (données de test)</title></head><body><p>Bonjour.</p></body></html>"));
        server.createContext("/redirige", exchange -> {
            exchange.getResponseHeaders().add("Location", "/page");
            answer(exchange, 301, "text/html", "");
        });
        server.createContext("/boucle", exchange -> {
            exchange.getResponseHeaders().add("Location", "/boucle");
            answer(exchange, 302, "text/html", "");
        });
        server.createContext("/metadonnees", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            answer(exchange, 302, "text/html", "");
        });
        server.createContext("/document.pdf", exchange -> answer(exchange, 200, "application/pdf", "%PDF-1.4"));
        server.createContext("/enorme", exchange -> answer(exchange, 200, "text/html", "x".repeat(6 * 1024 * 1024)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aPageIsKeptAsItWasAskedAndAnsweredRedirectsIncluded() throws Exception {
        SafeFetcher.Fetched fetched = fetcher.fetch(base + "/redirige");
        try {
            assertThat(fetched.address().toString()).isEqualTo(base + "/page");
            assertThat(Files.readString(fetched.page())).contains("<p>Bonjour.</p>");
            List<String> records = new ArrayList<>();
            try (WarcReader warc = new WarcReader(fetched.warc())) {
                for (WarcRecord record : warc) {
                    if (record instanceof WarcRequest request) {
                        records.add("request " + request.target());
                    } else if (record instanceof WarcResponse response) {
                        records.add("response " + response.target() + " "
                                + response.http().status());
                    }
                }
            }
            // jwarc writes each response, then the request that asked it, as Heritrix and wget do.
            assertThat(records)
                    .containsExactly(
                            "response " + base + "/redirige 301",
                            "request " + base + "/redirige",
                            "response " + base + "/page 200",
                            "request " + base + "/page");
        } finally {
            Files.deleteIfExists(fetched.warc());
            Files.deleteIfExists(fetched.page());
        }
    }

    @Test
    void internalAddressesAreRefusedBeforeAnyConnection() {
        for (String address : List.of(
                "http://127.0.0.1/",
                "http://localhost/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://10.0.0.1/",
                "http://172.16.5.4/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://[fd00::1]/",
                "http://[fe80::1]/")) {
            assertThatThrownBy(() -> strict.check(address))
                    .as(address)
                    .isInstanceOf(SafeFetcher.Refused.class)
                    .hasMessageContaining("réseau privé ou à cette machine");
        }
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("http:// et https://");
        assertThatThrownBy(() -> strict.check("ftp://example.org/")).hasMessageContaining("http:// et https://");
        assertThatThrownBy(() -> strict.check("http://utilisateur@93.184.216.34/"))
                .hasMessageContaining("n’est pas une adresse de page web");
    }

    @Test
    void aPublicAddressIsAllowed() throws Exception {
        assertThat(strict.check("https://93.184.216.34/tribune").getHost()).isEqualTo("93.184.216.34");
    }

    @Test
    void aRedirectIsCheckedAsTheFirstAddressWas() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/metadonnees"))
                .isInstanceOf(SafeFetcher.Refused.class)
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> fetcher.fetch(base + "/boucle"))
                .isInstanceOf(SafeFetcher.Refused.class)
                .hasMessageContaining("Plus de 5 redirections");
    }

    @Test
    void onlyHtmlOfFiveMegabytesAtMost() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/document.pdf"))
                .isInstanceOf(SafeFetcher.Refused.class)
                .hasMessageContaining("ne donne pas une page HTML (application/pdf)");
        assertThatThrownBy(() -> fetcher.fetch(base + "/enorme"))
                .isInstanceOf(SafeFetcher.Refused.class)
                .hasMessageContaining("dépasse 5 Mo");
        assertThatThrownBy(() -> fetcher.fetch(base + "/inconnue"))
                .isInstanceOf(SafeFetcher.Refused.class)
                .hasMessageContaining("a répondu 404");
    }
}
