package fr.tribunes;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A request from a signed-in editor, as the browser of one sends it: the session cookie of a session holding the
 * sign-in, where Spring Security keeps it. The session is a real one, saved where the application keeps them (Spring
 * Session, in the database), so that every filter finds it as it finds an editor's. Pages are rendered for such a
 * request, never taken from the page cache.
 */
public final class EditorSession {

    /** Spring Session's cookie: the session's id, in Base64. */
    public static final String COOKIE = "SESSION";

    private EditorSession() {}

    public static RequestPostProcessor signedIn() {
        return request -> {
            @SuppressWarnings("unchecked")
            SessionRepository<Session> sessions = WebApplicationContextUtils.getRequiredWebApplicationContext(
                            request.getServletContext())
                    .getBean(SessionRepository.class);
            SecurityContextImpl signIn = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    "redaction", null, List.of(new SimpleGrantedAuthority("ROLE_EDITOR"))));
            Session session = sessions.createSession();
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signIn);
            sessions.save(session);
            request.setCookies(new Cookie(COOKIE, cookieValue(session.getId())));
            // The same session on the request itself, for a MockMvc built without Spring Session's filter (with only
            // Spring Security's, as SearchIndexOnDiskTests builds one): there, the container's session is read.
            MockHttpSession same = new MockHttpSession(request.getServletContext(), session.getId());
            same.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signIn);
            request.setSession(same);
            request.setRequestedSessionId(session.getId());
            return request;
        };
    }

    /** What the session cookie holds for this session id. */
    public static String cookieValue(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
    }
}
