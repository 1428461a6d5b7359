package fr.tribunes.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import fr.tribunes.SiteTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An editor's work end to end, in a browser without scripts (HtmlUnit), on a real port: signing in, writing a
 * draft with mistakes and correcting them, previewing, publishing, correcting the published op-ed with a reason,
 * two editors saving at once, renaming a theme. Every op-ed here is synthetic and says so.
 */
@SiteTest
class EditorialFlowTests {

    static final String EDITOR = SiteTest.EDITOR;

    static final String PASSWORD = SiteTest.PASSWORD;

    static final String TITLE = "Tribune synthétique n° 1 (données de test)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final List<WebClient> clients = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(WebClient::close);
    }

    private WebClient browser() {
        WebClient client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        clients.add(client);
        return client;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HtmlPage signedIn() throws IOException {
        WebClient client = browser();
        HtmlPage signIn = client.getPage(url("/admin/tribunes"));
        assertThat(signIn.getUrl().getPath()).isEqualTo("/connexion");
        HtmlForm form = signIn.querySelector("form.sign-in-form");
        form.<HtmlInput>getInputByName("username").setValue(EDITOR);
        form.<HtmlInput>getInputByName("password").setValue(PASSWORD);
        HtmlPage list = signIn.<HtmlElement>querySelector("form.sign-in-form button[type=submit]")
                .click();
        assertThat(list.getUrl().getPath()).isEqualTo("/admin/tribunes");
        return list;
    }

    static void type(HtmlPage page, String name, String value) {
        DomNode field = page.querySelector("form.editor [name='" + name + "']");
        if (field instanceof HtmlTextArea area) {
            area.setText(value);
        } else {
            ((HtmlInput) field).setValue(value);
        }
    }

    static HtmlPage save(HtmlPage page) throws IOException {
        return page.<HtmlElement>querySelector("form.editor button[type=submit]")
                .click();
    }

    static String text(DomNode node) {
        return node == null ? "" : node.getTextContent().replaceAll("\\s+", " ").strip();
    }

    private int status(String path) throws IOException {
        return browser().getPage(url(path)).getWebResponse().getStatusCode();
    }

    @Test
    void anEditorWritesADraftPreviewsItPublishesItAndCorrectsIt() throws IOException {
        HtmlPage list = signedIn();
        HtmlPage form = list.<HtmlAnchor>querySelector("a[href='/admin/tribunes/nouvelle']")
                .click();

        // A first attempt with mistakes: refused, with what was typed kept.
        type(form, "title", TITLE);
        type(form, "text", "Premier paragraphe synthétique.\n\n## Un intertitre\n\nDernier paragraphe synthétique.");
        type(form, "date", "2024-13");
        form = save(form);
        assertThat(text(form.querySelector(".form-errors")))
                .contains("2024-13")
                .contains("n’est pas une date")
                .contains("Indiquez au moins un auteur.");
        assertThat(form.<HtmlTextArea>querySelector("#f-text").getText()).contains("Dernier paragraphe synthétique.");
        assertThat(form.<HtmlInput>querySelector("#f-title").getValue()).isEqualTo(TITLE);

        type(form, "date", "2024-03");
        type(form, "bylines[0].author", "Auteure synthétique");
        type(form, "bylines[0].role", "Rôle synthétique");
        type(form, "bylines[0].organisation", "Organisation synthétique");
        type(form, "themes", "Thème synthétique\ncloud souverain");
        HtmlPage edit = save(form);
        assertThat(text(edit.querySelector(".done"))).contains("Brouillon enregistré");
        String slug = "tribune-synthetique-n-1-donnees-de-test";
        assertThat(status("/tribunes/" + slug)).isEqualTo(404);

        HtmlPage preview =
                edit.<HtmlAnchor>querySelector(".status-box a[href$='/apercu']").click();
        assertThat(text(preview.querySelector(".preview-banner"))).contains("pas publiée");
        assertThat(text(preview.querySelector("h1"))).isEqualTo(TITLE);
        assertThat(text(preview.querySelector(".tribune"))).contains("Dernier paragraphe synthétique.");

        edit = edit.<HtmlElement>querySelector(".status-box form[action$='/publication'] button")
                .click();
        assertThat(text(edit.querySelector(".done"))).contains("Tribune publiée");
        assertThat(status("/tribunes/" + slug)).isEqualTo(200);
        assertThat(status("/themes/theme-synthetique")).isEqualTo(200);

        // A correction of a published op-ed needs a reason, which the public history shows.
        type(
                edit,
                "text",
                "Premier paragraphe synthétique corrigé.\n\n## Un intertitre\n\nDernier paragraphe synthétique.");
        HtmlPage refused = save(edit);
        assertThat(text(refused.querySelector("#f-reason").getParentNode())).contains("Indiquez en quelques mots");
        assertThat(refused.<HtmlTextArea>querySelector("#f-text").getText()).contains("synthétique corrigé.");
        type(refused, "reason", "Coquille de transcription (test)");
        HtmlPage saved = save(refused);
        assertThat(text(saved.querySelector(".done"))).contains("Correction enregistrée");
        HtmlPage history = browser().getPage(url("/tribunes/" + slug + "/historique"));
        assertThat(text(history.querySelector(".versions"))).contains("Coquille de transcription (test)");
        assertThat(text(history.querySelector(".diff del"))).isEqualTo("synthétique.");
        assertThat(text(history.querySelector(".diff ins"))).isEqualTo("synthétique corrigé.");
    }

    @Test
    void twoEditorsSavingAtOnceLoseNothing() throws IOException {
        HtmlPage first = signedIn()
                .<HtmlAnchor>querySelector("a[href='/admin/tribunes/nouvelle']")
                .click();
        type(first, "title", "Tribune synthétique n° 2 (données de test)");
        type(first, "text", "Texte de départ.");
        type(first, "date", "2023");
        type(first, "bylines[0].author", "Auteur synthétique deux");
        HtmlPage mine = save(first);
        String address = mine.getUrl().getPath();

        HtmlPage theirs = signedIn().getWebClient().getPage(url(address));
        type(theirs, "text", "Texte de l’autre éditeur.");
        assertThat(text(save(theirs).querySelector(".done"))).contains("Brouillon enregistré");

        type(mine, "text", "Mon texte, écrit en même temps.");
        HtmlPage conflict = save(mine);
        assertThat(text(conflict.querySelector(".form-errors"))).contains("Quelqu’un d’autre a enregistré");
        assertThat(conflict.<HtmlTextArea>querySelector("#f-text").getText())
                .isEqualTo("Mon texte, écrit en même temps.");
        String stored = jdbc.queryForObject(
                "select body from article_block where position = 1 and article_id = ?",
                String.class,
                Long.parseLong(address.substring(address.lastIndexOf('/') + 1)));
        assertThat(stored).isEqualTo("Texte de l’autre éditeur.");

        // Saving again, knowingly, replaces the other version.
        assertThat(text(save(conflict).querySelector(".done"))).contains("Brouillon enregistré");
        assertThat(jdbc.queryForObject(
                        "select body from article_block where position = 1 and article_id = ?",
                        String.class,
                        Long.parseLong(address.substring(address.lastIndexOf('/') + 1))))
                .isEqualTo("Mon texte, écrit en même temps.");
    }

    @Test
    void aThemeRenamedInTheBackOfficeKeepsItsOldAddress() throws IOException {
        HtmlPage facets = signedIn().getWebClient().getPage(url("/admin/facettes"));
        HtmlPage theme = facets.<HtmlAnchor>querySelector("a[href^='/admin/facettes/themes/']:not([href$='nouveau'])")
                .click();
        String before = theme.<HtmlInput>querySelector("#f-slug").getValue();
        assertThat(status("/themes/" + before)).isEqualTo(200);
        type(theme, "slug", before + "-renomme");
        type(theme, "description", "Description synthétique (données de test).");
        HtmlPage saved = save(theme);
        assertThat(text(saved.querySelector(".done"))).contains("L’ancienne adresse redirige");

        WebClient reader = browser();
        reader.getOptions().setRedirectEnabled(false);
        Page old = reader.getPage(url("/themes/" + before));
        assertThat(old.getWebResponse().getStatusCode()).isEqualTo(301);
        assertThat(old.getWebResponse().getResponseHeaderValue("Location")).endsWith("/themes/" + before + "-renomme");
        HtmlPage renamed = browser().getPage(url("/themes/" + before + "-renomme"));
        assertThat(text(renamed.querySelector(".facet-description")))
                .isEqualTo("Description synthétique (données de test).");
    }

    @Test
    void anEditorAddsAnAuthorWithADescription() throws IOException {
        HtmlPage facets = signedIn().getWebClient().getPage(url("/admin/facettes"));
        assertThat(text(facets.querySelector("h2#l-auteurs"))).isEqualTo("Auteurs");
        HtmlPage form = facets.<HtmlAnchor>querySelector("a[href='/admin/facettes/auteurs/nouveau']")
                .click();
        assertThat(text(form.querySelector("h1"))).isEqualTo("Ajouter un auteur");
        type(form, "name", "Auteur synthétique ajouté (données de test)");
        HtmlPage created = save(form);
        assertThat(text(created.querySelector(".done"))).contains("est créé");
        assertThat(created.<HtmlInput>querySelector("#f-slug").getValue())
                .isEqualTo("auteur-synthetique-ajoute-donnees-de-test");
    }

    @Test
    void anEditorGivesAnAuthorsNamePartsAndGivenNamesAloneAreRefused() throws IOException {
        HtmlPage form = signedIn().getWebClient().getPage(url("/admin/facettes/auteurs/nouveau"));
        type(form, "name", "Auteur Synthétique Nommé (données de test)");
        type(form, "givenNames", "Auteur");
        HtmlPage refused = save(form);
        assertThat(text(refused.querySelector(".form-errors"))).contains("Indiquez aussi le nom de famille");
        assertThat(jdbc.queryForObject(
                        "select count(*) from author where name = ?",
                        Long.class,
                        "Auteur Synthétique Nommé (données de test)"))
                .as("refused whole: no author created")
                .isZero();

        type(refused, "familyName", "Synthétique Nommé");
        HtmlPage created = save(refused);
        assertThat(text(created.querySelector(".done"))).contains("est créé");
        assertThat(created.<HtmlInput>querySelector("#f-familyName").getValue()).isEqualTo("Synthétique Nommé");
        assertThat(created.<HtmlInput>querySelector("#f-givenNames").getValue()).isEqualTo("Auteur");
        assertThat(jdbc.queryForMap(
                        "select family_name, given_names from author where name = ?",
                        "Auteur Synthétique Nommé (données de test)"))
                .containsEntry("FAMILY_NAME", "Synthétique Nommé")
                .containsEntry("GIVEN_NAMES", "Auteur");
        // Themes have no name parts.
        HtmlPage theme = created.getWebClient().getPage(url("/admin/facettes/themes/nouveau"));
        assertThat(theme.getElementById("f-familyName")).isNull();
    }

    static final String SEED_PUBLISHER =
            "//section[@id='publications']//form[input[@name='name' and @value='La Revue du Digital']]";

    @Test
    void anEditorSaysWhatKindOfPeriodicalAPublisherIsAndItsCitationsFollow() throws IOException {
        HtmlPage facets = signedIn().getWebClient().getPage(url("/admin/facettes"));
        HtmlForm form = facets.getFirstByXPath(SEED_PUBLISHER);
        assertThat(form).as("the seed's publisher is listed").isNotNull();
        org.htmlunit.html.HtmlSelect kind = form.getSelectByName("kind");
        assertThat(kind.getSelectedOptions().get(0).getValueAttribute()).isEqualTo("MAGAZINE");
        try {
            kind.setSelectedAttribute("NEWSPAPER", true);
            HtmlPage saved = ((HtmlElement) form.getFirstByXPath(".//button[@type='submit']")).click();
            assertThat(text(saved.querySelector(".done"))).contains("La Revue du Digital", "est un journal");
            assertThat(browser()
                            .getPage(url("/tribunes/" + fr.tribunes.SeedTribune.SLUG + "/citation.ris"))
                            .getWebResponse()
                            .getContentAsString())
                    .startsWith("TY  - NEWS");
        } finally {
            // The seed's publisher is a magazine, for the other classes sharing this site.
            HtmlPage again = facets.getWebClient().getPage(url("/admin/facettes"));
            HtmlForm restore = again.getFirstByXPath(SEED_PUBLISHER);
            restore.getSelectByName("kind").setSelectedAttribute("MAGAZINE", true);
            ((HtmlElement) restore.getFirstByXPath(".//button[@type='submit']")).click();
        }
        assertThat(browser()
                        .getPage(url("/tribunes/" + fr.tribunes.SeedTribune.SLUG + "/citation.ris"))
                        .getWebResponse()
                        .getContentAsString())
                .startsWith("TY  - MGZN");
    }

    @Test
    void nothingIsWrittenWithoutASignedInEditorAndAValidToken() throws IOException {
        long before = jdbc.queryForObject("select count(*) from article", Long.class);
        List<NameValuePair> fields = List.of(
                new NameValuePair("title", "Tribune synthétique n° 3 (données de test)"),
                new NameValuePair("text", "Texte."),
                new NameValuePair("date", "2022"),
                new NameValuePair("bylines[0].author", "Auteur synthétique trois"));

        WebRequest anonymous = new WebRequest(new URL(url("/admin/tribunes/nouvelle")), HttpMethod.POST);
        anonymous.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        anonymous.setRequestParameters(fields);
        Page refused = browser().getPage(anonymous);
        assertThat(refused.getWebResponse().getStatusCode())
                .as(refused.getWebResponse().getContentAsString())
                .isEqualTo(403);

        WebClient editor = signedIn().getWebClient();
        WebRequest withoutToken = new WebRequest(new URL(url("/admin/tribunes/nouvelle")), HttpMethod.POST);
        withoutToken.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        withoutToken.setRequestParameters(fields);
        Page forged = editor.getPage(withoutToken);
        assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(forged.getWebResponse().getContentAsString()).contains("lang=\"fr\"");

        assertThat(jdbc.queryForObject("select count(*) from article", Long.class))
                .isEqualTo(before);
    }
}
