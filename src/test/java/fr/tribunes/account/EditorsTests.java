package fr.tribunes.account;

import static fr.tribunes.account.Browser.path;
import static fr.tribunes.account.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Editors adding editors, and changing their own password. */
class EditorsTests extends AccountSiteTests {

    static final String NEW_PASSWORD = "un autre mot de passe solide";

    @Test
    void aSignedInEditorAddsAnEditorWhoCanThenSignIn() throws IOException {
        Browser first = browser();
        HtmlPage editors = Browser.submitSignIn(first.open("/admin/editeurs"), FIRST_EDITOR, FIRST_PASSWORD);

        HtmlPage added = Browser.submit(
                editors,
                "form[action='/admin/editeurs']",
                Map.of("username", "marie.dupont", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(path(added)).isEqualTo("/admin/editeurs");
        assertThat(text(added.querySelector("[role=status]")))
                .isEqualTo("L’éditeur «\u202Fmarie.dupont\u202F» a été ajouté\u202F: il peut dès maintenant se"
                        + " connecter.");
        assertThat(rows(added)).contains("marie.dupont | " + FIRST_EDITOR);
        assertThat(text(first.open("/admin/editeurs").querySelector("[role=status]")))
                .as("the message is shown once")
                .isNull();

        Browser second = browser();
        HtmlPage signedIn = Browser.submitSignIn(second.open("/admin/mot-de-passe"), "marie.dupont", NEW_PASSWORD);
        assertThat(path(signedIn)).isEqualTo("/admin/mot-de-passe");
        assertThat(text(signedIn.querySelector(".signed-in-as"))).isEqualTo("Connecté en tant que marie.dupont");
    }

    @Test
    void mistakesAreShownInFrenchBesideTheirFieldsAndWhatWasTypedIsKeptButPasswords() throws IOException {
        newEditor("deja.pris", NEW_PASSWORD);
        Browser browser = browser();
        HtmlPage editors = Browser.submitSignIn(browser.open("/admin/editeurs"), FIRST_EDITOR, FIRST_PASSWORD);

        HtmlPage invalid = Browser.submit(
                editors,
                "form[action='/admin/editeurs']",
                Map.of("username", "Marie Curie", "password", "trop court", "confirmation", "trop court"));

        assertThat(text(invalid.querySelector("[role=alert]")))
                .isEqualTo("Le formulaire contient des erreurs\u202F: corrigez les champs signalés.");
        assertThat(text(invalid.querySelector("#new-username-error")))
                .startsWith("L’identifiant doit compter de 3 à 100");
        assertThat(text(invalid.querySelector("#new-password-error")))
                .isEqualTo("Le mot de passe doit compter au moins 12 caractères.");
        assertThat(invalid.<HtmlInput>querySelector("#new-username").getValue()).isEqualTo("Marie Curie");
        assertThat(invalid.<HtmlInput>querySelector("#new-username").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(invalid.<HtmlInput>querySelector("#new-password").getValue()).isEmpty();
        assertThat(invalid.getWebResponse().getContentAsString()).doesNotContain("trop court");

        HtmlPage taken = Browser.submit(
                invalid,
                "form[action='/admin/editeurs']",
                Map.of("username", "deja.pris", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD + "!"));
        assertThat(text(taken.querySelector("#new-username-error"))).isEqualTo("Cet identifiant est déjà pris.");
        assertThat(text(taken.querySelector("#new-confirmation-error")))
                .isEqualTo("Les deux mots de passe ne sont pas identiques.");

        assertThat(editorsNamed("Marie Curie")).isZero();
        assertThat(editorsNamed("deja.pris")).isOne();
    }

    @Test
    void aVisitorWhoIsNotSignedInCannotAddAnEditorEvenWithAValidToken() throws IOException {
        Browser browser = browser();
        HtmlPage signInPage = browser.open("/connexion");
        String token = signInPage.<HtmlInput>querySelector("input[name=_csrf]").getValue();

        Page answer = browser.post(
                "/admin/editeurs",
                Map.of("_csrf", token, "username", "intrus", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(path(answer)).isEqualTo("/connexion");
        assertThat(editorsNamed("intrus")).isZero();
    }

    @Test
    void withoutTheFormsTokenEvenASignedInEditorCannotAddAnEditor() throws IOException {
        Browser browser = browser();
        browser.signIn(FIRST_EDITOR, FIRST_PASSWORD);

        Page answer = browser.post(
                "/admin/editeurs",
                Map.of("username", "sans.jeton", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(text(((HtmlPage) answer).querySelector("h1"))).isEqualTo("Formulaire expiré ou invalide");
        assertThat(editorsNamed("sans.jeton")).isZero();
    }

    @Test
    void anEditorChangesTheirOwnPasswordAndTheOldOneStopsWorking() throws IOException {
        String editor = newEditor("change.mdp", FIRST_PASSWORD);
        Browser browser = browser();
        HtmlPage form = Browser.submitSignIn(browser.open("/admin/mot-de-passe"), editor, FIRST_PASSWORD);
        assertThat(text(form.querySelector("h1"))).isEqualTo("Changer de mot de passe");

        HtmlPage wrong = Browser.submit(
                form,
                "form[action='/admin/mot-de-passe']",
                Map.of(
                        "currentPassword", "ce n’est pas le bon",
                        "newPassword", NEW_PASSWORD,
                        "confirmation", NEW_PASSWORD));
        assertThat(text(wrong.querySelector("#current-password-error")))
                .isEqualTo("Ce n’est pas votre mot de passe actuel.");

        HtmlPage changed = Browser.submit(
                wrong,
                "form[action='/admin/mot-de-passe']",
                Map.of("currentPassword", FIRST_PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(path(changed)).isEqualTo("/admin/mot-de-passe");
        assertThat(text(changed.querySelector("[role=status]")))
                .isEqualTo("Votre mot de passe a été changé\u202F: utilisez-le dès votre prochaine connexion.");
        HtmlPage home =
                changed.<HtmlElement>querySelector("form.sign-out button").click();
        assertThat(path(home)).isEqualTo("/");

        assertThat(text(browser.signIn(editor, FIRST_PASSWORD).querySelector("[role=alert]")))
                .isEqualTo(SignInTests.WRONG_PASSWORD);
        Browser.submitSignIn(browser.open("/admin/editeurs"), editor, NEW_PASSWORD);
        assertThat(path(browser.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
    }

    @Test
    void changingOnesPasswordEndsOnesOtherSessionsButNotThisOne() throws IOException {
        String editor = newEditor("deux.sessions", FIRST_PASSWORD);
        Browser here = browser();
        Browser elsewhere = browser();
        HtmlPage form = Browser.submitSignIn(here.open("/admin/mot-de-passe"), editor, FIRST_PASSWORD);
        Browser.submitSignIn(elsewhere.open("/admin/editeurs"), editor, FIRST_PASSWORD);
        assertThat(path(elsewhere.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");

        Browser.submit(
                form,
                "form[action='/admin/mot-de-passe']",
                Map.of("currentPassword", FIRST_PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        HtmlPage ended = elsewhere.open("/admin/editeurs");
        assertThat(path(ended)).isEqualTo("/connexion");
        assertThat(text(ended.querySelector("[role=alert]"))).startsWith("Votre session a pris fin");
        assertThat(path(here.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
    }

    @Test
    void guessingTheCurrentPasswordFromASignedInSessionIsThrottledLikeSigningIn() throws IOException {
        String editor = newEditor("session.volee", FIRST_PASSWORD);
        Browser browser = browser();
        HtmlPage page = Browser.submitSignIn(browser.open("/admin/mot-de-passe"), editor, FIRST_PASSWORD);
        for (int guess = 1; guess <= 5; guess++) {
            page = Browser.submit(
                    page,
                    "form[action='/admin/mot-de-passe']",
                    Map.of(
                            "currentPassword", "essai numéro " + guess,
                            "newPassword", NEW_PASSWORD,
                            "confirmation", NEW_PASSWORD));
            assertThat(text(page.querySelector("#current-password-error")))
                    .isEqualTo("Ce n’est pas votre mot de passe actuel.");
        }

        HtmlPage refused = Browser.submit(
                page,
                "form[action='/admin/mot-de-passe']",
                Map.of("currentPassword", FIRST_PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(text(refused.querySelector("#current-password-error")))
                .isEqualTo("Trop de mots de passe erronés\u202F: réessayez dans 15 minutes.");
        assertThat(text(browser.signIn(editor, NEW_PASSWORD).querySelector("[role=alert]")))
                .startsWith("Trop de tentatives");
    }

    @Test
    void aPasswordEasyToGuessIsRefusedWhateverItsLength() throws IOException {
        String editor = newEditor("nist.regles", FIRST_PASSWORD);
        Browser browser = browser();
        HtmlPage page = Browser.submitSignIn(browser.open("/admin/mot-de-passe"), editor, FIRST_PASSWORD);
        for (String guessable : List.of("aaaaaaaaaaaa", "123456789012", "passwordpassword", "nist.regles2026")) {
            page = Browser.submit(
                    page,
                    "form[action='/admin/mot-de-passe']",
                    Map.of("currentPassword", FIRST_PASSWORD, "newPassword", guessable, "confirmation", guessable));
            assertThat(text(page.querySelector("#new-password-error")))
                    .as(guessable)
                    .startsWith("Ce mot de passe est trop facile à deviner");
        }
    }

    @Test
    void aDisabledEditorIsSignedOutAndCannotSignInTheirNameStaysAndTheyCanBeEnabledAgain() throws IOException {
        String leaving = newEditor("depart", FIRST_PASSWORD);
        Browser theirs = browser();
        Browser.submitSignIn(theirs.open("/admin/editeurs"), leaving, FIRST_PASSWORD);
        Browser mine = browser();
        HtmlPage editors = Browser.submitSignIn(mine.open("/admin/editeurs"), FIRST_EDITOR, FIRST_PASSWORD);
        assertThat((Object) editors.querySelector("form[action='/admin/editeurs/redaction/desactivation']"))
                .as("no one disables themselves")
                .isNull();

        HtmlPage done = editors.<HtmlElement>querySelector("form[action='/admin/editeurs/depart/desactivation'] button")
                .click();

        assertThat(text(done.querySelector("[role=status]")))
                .startsWith("L’éditeur « depart » est désactivé\u202F: il ne peut plus se connecter");
        assertThat(text(done.querySelector("table.editors"))).contains("depart", "Désactivé le", "par redaction");
        HtmlPage ended = theirs.open("/admin/editeurs");
        assertThat(path(ended)).isEqualTo("/connexion");
        assertThat(text(theirs.signIn(leaving, FIRST_PASSWORD).querySelector("[role=alert]")))
                .isEqualTo(SignInTests.WRONG_PASSWORD);

        HtmlPage again = done.<HtmlElement>querySelector("form[action='/admin/editeurs/depart/reactivation'] button")
                .click();
        assertThat(text(again.querySelector("[role=status]")))
                .isEqualTo("L’éditeur « depart » peut de nouveau se connecter.");
        clock.advance(java.time.Duration.ofMinutes(20));
        Browser.submitSignIn(theirs.open("/admin/editeurs"), leaving, FIRST_PASSWORD);
        assertThat(path(theirs.open("/admin/editeurs"))).isEqualTo("/admin/editeurs");
    }

    @Test
    void theAdministrationsHeaderLinksEverySectionAndMarksTheCurrentOne() throws IOException {
        Browser browser = browser();
        HtmlPage editors = Browser.submitSignIn(browser.open("/admin/editeurs"), FIRST_EDITOR, FIRST_PASSWORD);

        List<String> links = editors.querySelectorAll(".admin-nav a").stream()
                .map(link -> text(link) + " " + ((HtmlElement) link).getAttribute("href"))
                .toList();
        assertThat(links)
                .containsExactly(
                        "Tribunes /admin/tribunes",
                        "Auteurs, thèmes et organisations /admin/facettes",
                        "Imports /admin/imports",
                        "Commentaires /admin/commentaires",
                        "Sauvegardes /admin/sauvegardes",
                        "Éditeurs /admin/editeurs",
                        "Mot de passe /admin/mot-de-passe");
        assertThat(text(editors.querySelector(".admin-nav a[aria-current=page]")))
                .isEqualTo("Éditeurs");
        assertThat(editors.<HtmlInput>querySelector("form.sign-out input[name=_csrf]")
                        .getValue())
                .isNotBlank();
    }

    /** The list of editors, one "username | added by" a row. */
    private static List<String> rows(HtmlPage page) {
        List<String> usernames = page.querySelectorAll("table.editors tbody th").stream()
                .map(Browser::text)
                .toList();
        List<String> addedBy = page.querySelectorAll("table.editors tbody td:nth-of-type(2)").stream()
                .map(Browser::text)
                .toList();
        return IntStream.range(0, usernames.size())
                .mapToObj(row -> usernames.get(row) + " | " + addedBy.get(row))
                .toList();
    }
}
