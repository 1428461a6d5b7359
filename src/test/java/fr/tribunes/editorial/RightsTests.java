package fr.tribunes.editorial;

import static fr.tribunes.editorial.EditorialFlowTests.save;
import static fr.tribunes.editorial.EditorialFlowTests.text;
import static fr.tribunes.editorial.EditorialFlowTests.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.SeedTribune;
import fr.tribunes.SiteTest;
import fr.tribunes.SyntheticArticles;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleFile;
import fr.tribunes.article.ArticleFileException;
import fr.tribunes.article.ArticleStatus;
import fr.tribunes.article.Rights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The rights on a text: what the seed says (its author and La Revue du Digital, all rights reserved, reproduced as an
 * archive with its source) wherever the op-ed goes out, and an editor entering a licence in the back office, in a
 * browser without scripts.
 */
@SiteTest
class RightsTests {

    static final String SEED_STATEMENT = "© Théodore Michel Vrangos et La Revue du Digital. Tous droits réservés\u202F;"
            + " reproduit à titre d’archive, avec sa source.";

    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    private WebClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theSeedSaysWhoHoldsTheRightsEverywhereItGoes() throws Exception {
        String page = get(SeedTribune.PATH);
        assertThat(page)
                .contains("<meta name=\"DC.rights\" content=\"" + SEED_STATEMENT + "\">")
                .contains("\"copyrightHolder\":\"Théodore Michel Vrangos et La Revue du Digital\"")
                .contains("\"copyrightNotice\":\"" + SEED_STATEMENT + "\"")
                // No licence was given: none is claimed.
                .doesNotContain("\"license\"", "rel=\"license");
        assertThat(page.replaceAll("\\s+", " "))
                .contains(
                        "Droits\u202F:</span> © Théodore Michel Vrangos et La Revue du Digital. Tous droits réservés");

        String api = get("/api/tribunes/" + SeedTribune.SLUG);
        assertThat(api)
                .contains("\"rights\":{\"holder\":\"Théodore Michel Vrangos et La Revue du Digital\","
                        + "\"basis\":\"archive\",\"license\":null,\"statement\":\"" + SEED_STATEMENT + "\"}");
        assertThat(get(SeedTribune.PATH + ".md")).contains("Droits : " + SEED_STATEMENT);
    }

    @Test
    void theExchangeFormatKeepsTheRightsAndRefusesAFootingItDoesNotKnow() throws Exception {
        ArticleDraft draft = SyntheticArticles.draft(9400)
                .withRights(new Rights("Ayant droit synthétique", Rights.Basis.LICENSE, LICENSE));
        String file = ArticleFile.write(draft, ArticleStatus.DRAFT, null);
        assertThat(file)
                .contains("rights_holder: Ayant droit synthétique", "rights_basis: license", "license: " + LICENSE);
        assertThat(ArticleFile.read("f.md", file).draft().rights()).isEqualTo(draft.rights());

        String forged = file.replace("rights_basis: license", "rights_basis: domaine-public");
        assertThatThrownBy(() -> ArticleFile.read("f.md", forged))
                .isInstanceOf(ArticleFileException.class)
                .hasMessageContaining("« rights_basis » vaut « archive », « permission » ou « license »");
    }

    @Test
    void anEditorEntersALicenceAndTheOpEdCarriesIt() throws Exception {
        String title = "Tribune synthétique des droits (données de test)";
        HtmlPage form = signedIn().getPage("http://localhost:" + port + "/admin/tribunes/nouvelle");
        type(form, "title", title);
        type(form, "text", "Paragraphe synthétique sous licence.");
        type(form, "date", "2024");
        type(form, "bylines[0].author", "Auteur synthétique des droits");
        type(form, "rightsHolder", "Ayant droit synthétique");
        form.<HtmlSelect>querySelector("#f-rightsBasis").setSelectedAttribute("license", true);

        // A licence without its address: refused, nothing stored, what was typed kept.
        HtmlPage refused = save(form);
        assertThat(text(refused.querySelector(".form-errors"))).contains("Donnez l’adresse de la licence");
        assertThat(refused.<HtmlInput>querySelector("#f-rightsHolder").getValue())
                .isEqualTo("Ayant droit synthétique");
        assertThat(count(title)).isZero();

        // A footing the form does not offer (a forged request): refused too.
        HtmlOption forged = refused.querySelector("#f-rightsBasis option[value='permission']");
        forged.setValueAttribute("domaine-public");
        forged.setSelected(true);
        type(refused, "rightsLicense", LICENSE);
        HtmlPage alsoRefused = save(refused);
        assertThat(text(alsoRefused.querySelector(".form-errors")))
                .contains("Choisissez un fondement parmi ceux proposés");
        assertThat(count(title)).isZero();

        alsoRefused.<HtmlSelect>querySelector("#f-rightsBasis").setSelectedAttribute("license", true);
        type(alsoRefused, "rightsLicense", LICENSE);
        HtmlPage edit = save(alsoRefused);
        assertThat(text(edit.querySelector(".done"))).contains("Brouillon enregistré");
        assertThat(count(title)).isOne();
        assertThat(edit.<HtmlInput>querySelector("#f-rightsLicense").getValue()).isEqualTo(LICENSE);

        edit.<HtmlElement>querySelector(".status-box form[action$='/publication'] button")
                .click();
        String slug = jdbc.queryForObject("select slug from article where title = ?", String.class, title);
        String page = get("/tribunes/" + slug);
        assertThat(page)
                .contains("<a href=\"" + LICENSE + "\" rel=\"license external noopener noreferrer\">")
                .contains("\"license\":\"" + LICENSE + "\"")
                .contains("\"copyrightHolder\":\"Ayant droit synthétique\"");
        assertThat(get("/api/tribunes/" + slug)).contains("\"basis\":\"license\",\"license\":\"" + LICENSE + "\"");
    }

    private int count(String title) {
        return jdbc.queryForObject("select count(*) from article where title = ?", Integer.class, title);
    }

    private String get(String path) throws Exception {
        var result = mvc.get().uri(path).exchange();
        assertThat(result).as(path).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private WebClient signedIn() throws IOException {
        client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlPage signIn = client.getPage("http://localhost:" + port + "/admin/tribunes");
        HtmlForm form = signIn.querySelector("form.sign-in-form");
        form.<HtmlInput>getInputByName("username").setValue(SiteTest.EDITOR);
        form.<HtmlInput>getInputByName("password").setValue(SiteTest.PASSWORD);
        HtmlPage list = signIn.<HtmlElement>querySelector("form.sign-in-form button[type=submit]")
                .click();
        assertThat(list.getUrl().getPath()).isEqualTo("/admin/tribunes");
        return client;
    }
}
