package fr.tribunes;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A request from a signed-in editor, as the browser of one sends it: the session cookie of a session holding the
 * sign-in, where Spring Security keeps it. Pages are rendered for such a request, never taken from the page cache.
 */
public final class EditorSession {

    private EditorSession() {}

    public static RequestPostProcessor signedIn() {
        return request -> {
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                            "redaction", null, List.of(new SimpleGrantedAuthority("ROLE_EDITOR")))));
            request.setSession(session);
            request.setRequestedSessionId(session.getId());
            request.setCookies(new Cookie("JSESSIONID", session.getId()));
            return request;
        };
    }
}
