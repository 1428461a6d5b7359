package fr.tribunes.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.tribunes.SiteTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An editor importing in the back office, in a browser without scripts (HtmlUnit) on a real port: a saved page
 * uploaded, then a page fetched from an address; the drafts, the evidence kept and downloadable, the check page
 * marking what the editor changed, the provenance once published. Pages are synthetic.
 */
@SiteTest
class ImportsTests {

    static final String PAGE = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
            <title>%s</title><meta name="citation_author" content="Auteur synthétique d’import">
            <meta name="citation_publication_date" content="2016-03-04"><meta property="og:site_name" content="Revue synthétique">
            </head><body><nav><a href="/">Accueil</a></nav><article><h1>%s</h1><div class="entry-content">
            <p>Premier paragraphe synthétique, avec une coquille : « les les ».</p><h2>Intertitre synthétique</h2>
            <p>Dernier paragraphe synthétique.</p></div></article><div id="comments"><form><p>Laisser un commentaire</p></form></div>
            </body></html>""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    fr.tribunes.article.ArticleEditor editor;

    private WebClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aSavedPageBecomesADraftWithItsEvidenceAndACheckPage(@TempDir Path folder) throws Exception {
        String title = "Tribune synthétique importée d’une page (données de test)";
        Path saved = folder.resolve("tribune.html");
        Files.writeString(saved, PAGE.formatted(title, title));
        String sha256 = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(saved)));

        HtmlPage imports = signedIn().getPage(url("/admin/imports"));
        String upload = "form[enctype='multipart/form-data'] ";
        imports.<HtmlFileInput>querySelector(upload + "input[type=file]").setFiles(saved.toFile());
        HtmlPage report = imports.<HtmlElement>querySelector(upload + "button[type=submit]")
                .click();

        assertThat(text(report.querySelector(".import-report"))).contains("1 brouillon créé", title);
        long id = jdbc.queryForObject("select id from article where title = ?", Long.class, title);
        assertThat(jdbc.queryForObject("select status from article where id = ?", String.class, id))
                .isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select published_on from article where id = ?", String.class, id))
                .startsWith("2016-03-04");

        // The evidence: the file as uploaded, in a WARC resource record, its digest the one the provenance gives.
        long capture =
                jdbc.queryForObject("select capture_id from article_capture where article_id = ?", Long.class, id);
        Page warc = client.getPage(url("/admin/captures/" + capture + ".warc.gz"));
        Path downloaded = folder.resolve("capture.warc.gz");
        try (var in = warc.getWebResponse().getContentAsStream()) {
            Files.copy(in, downloaded);
        }
        try (WarcReader reader = new WarcReader(downloaded)) {
            List<WarcRecord> records = reader.records().toList();
            assertThat(records).hasSize(1);
        }
        try (WarcReader reader = new WarcReader(downloaded)) {
            WarcResource resource = (WarcResource) reader.next().orElseThrow();
            assertThat(resource.body().stream().readAllBytes()).isEqualTo(Files.readAllBytes(saved));
            assertThat(resource.payloadDigest().orElseThrow().hex()).isEqualTo(sha256);
        }

        HtmlPage check = client.getPage(url("/admin/tribunes/" + id + "/verification"));
        assertThat(text(check.querySelector(".done"))).contains("mot pour mot");
        assertThat(check.querySelectorAll(".comparison del, .comparison ins")).isEmpty();

        // The editor changes a word: the check page marks it, on both sides.
        var edited = editor.find(id).orElseThrow();
        editor.save(
                id,
                edited.version(),
                edited.draft().withText(edited.draft().text().replace("« les les »", "« les »")),
                null,
                "test");
        check = client.getPage(url("/admin/tribunes/" + id + "/verification"));
        assertThat(text(check.querySelector(".form-errors"))).contains("différence");
        assertThat(text(check.querySelector(".comparison del"))).contains("les");

        editor.publish(id, "test");
        String slug = jdbc.queryForObject("select slug from article where id = ?", String.class, id);
        HtmlPage published = client.getPage(url("/tribunes/" + slug));
        assertThat(text(published.querySelector(".captured")))
                .startsWith("Capturé le")
                .endsWith(sha256);
    }

    @Test
    void aPageIsFetchedFromItsAddressAndARefusalLeavesNothing(@TempDir Path folder) throws Exception {
        String title = "Tribune synthétique importée d’une adresse (données de test)";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tribune", exchange -> {
            byte[] body = PAGE.formatted(title, title).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            int captures = jdbc.queryForObject("select count(*) from capture", Integer.class);
            HtmlPage imports = signedIn().getPage(url("/admin/imports"));
            HtmlPage refused = submitAddress(imports, "http://10.1.2.3/tribune");
            assertThat(text(refused.querySelector(".form-errors"))).contains("réseau privé");
            assertThat(jdbc.queryForObject("select count(*) from capture", Integer.class))
                    .isEqualTo(captures);

            String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/tribune";
            HtmlPage report = submitAddress(refused, address);
            assertThat(text(report.querySelector(".import-report"))).contains("1 brouillon créé");
            assertThat(jdbc.queryForObject(
                            "select c.source_url from capture c join article_capture a on a.capture_id = c.id"
                                    + " join article t on t.id = a.article_id where t.title = ?",
                            String.class,
                            title))
                    .isEqualTo(address);
        } finally {
            server.stop(0);
        }
    }

    private static HtmlPage submitAddress(HtmlPage page, String address) throws IOException {
        String form = "form[action$='/admin/imports/adresse'] ";
        page.<HtmlInput>querySelector(form + "input[name=adresse]").setValue(address);
        return page.<HtmlElement>querySelector(form + "button[type=submit]").click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebClient signedIn() throws IOException {
        client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlPage signIn = client.getPage(url("/admin/tribunes"));
        HtmlForm form = signIn.querySelector("form.sign-in-form");
        form.<HtmlInput>getInputByName("username").setValue(SiteTest.EDITOR);
        form.<HtmlInput>getInputByName("password").setValue(SiteTest.PASSWORD);
        signIn.<HtmlElement>querySelector("form.sign-in-form button[type=submit]")
                .click();
        return client;
    }

    private static String text(org.htmlunit.html.DomNode node) {
        return node == null ? "" : node.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
