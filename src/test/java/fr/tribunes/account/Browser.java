package fr.tribunes.account;

import fr.tribunes.EditorSession;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.htmlunit.util.NameValuePair;

/** An editor's browser on the application under test: keeps its cookies, follows redirects, fills forms. */
class Browser implements AutoCloseable {

    private final WebClient client = new WebClient();

    private final String base;

    Browser(int port) {
        this.base = "http://localhost:" + port;
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
    }

    HtmlPage open(String path) throws IOException {
        return client.getPage(base + path);
    }

    /** Signs in from the sign-in page, as an editor would; answers the page the browser lands on. */
    HtmlPage signIn(String username, String password) throws IOException {
        return submitSignIn(open("/connexion"), username, password);
    }

    static HtmlPage submitSignIn(HtmlPage signInPage, String username, String password) throws IOException {
        return submit(signInPage, "form.sign-in-form", Map.of("username", username, "password", password));
    }

    /** Fills the form's fields by name and presses its submit button. */
    static HtmlPage submit(HtmlPage page, String formSelector, Map<String, String> fields) throws IOException {
        HtmlForm form = page.querySelector(formSelector);
        fields.forEach((name, value) -> form.<HtmlInput>getInputByName(name).setValue(value));
        return page.<HtmlElement>querySelector(formSelector + " button[type=submit]")
                .click();
    }

    /** Sends a form as a script or another site could: only these fields, with this browser's cookies. */
    Page post(String path, Map<String, String> fields) throws IOException {
        WebRequest request = new WebRequest(new URL(base + path), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        return client.getPage(request);
    }

    String sessionId() {
        Cookie cookie = client.getCookieManager().getCookie(EditorSession.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static String text(DomNode node) {
        return node == null
                ? null
                : node.getTextContent().replaceAll("\\s+", " ").strip();
    }

    static String path(Page page) {
        return page.getUrl().getPath();
    }

    @Override
    public void close() {
        client.close();
    }
}
