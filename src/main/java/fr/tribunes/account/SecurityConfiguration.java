package fr.tribunes.account;

import fr.tribunes.web.SecurityHeaders;
import fr.tribunes.web.UnreadableRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what: the administration ({@code /admin/**}) is for signed-in editors; everything else (the public
 * site, the API, feeds, static files) is for everyone and never opens a session. Editors sign in with a form, and
 * every form that changes something carries a CSRF token, but for readers' comment form, protected otherwise.
 */
// Only for the web server: the import and export commands run without one, and without HTTP security.
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = "/admin/**";

    static final String HOME_OF_ADMIN = "/admin/tribunes";

    static final String SIGN_OUT = "/deconnexion";

    /** Sessions one editor may have at once (browsers, devices). */
    static final int MAX_SESSIONS_PER_EDITOR = 5;

    /**
     * Readers' comments, posted from the public, cached, session-free op-ed pages: the one form without the
     * session's CSRF token. It carries a signed token of its own and its origin is checked instead (see the
     * comment feature's {@code FormTokens}).
     */
    static final String COMMENT_FORM = "/tribunes/{slug}/commentaires";

    /**
     * springdoc's Swagger UI, the API's browsable documentation, is a JavaScript application: it runs its own
     * scripts (served by the site), fetches the description from the site, and sets inline styles through React.
     * It gets those, and only on its own addresses; still nothing from another host, and no framing.
     */
    static final String API_VIEWER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** OAI-PMH's address (the harvest module). */
    private static final String OAI_PMH = "/oai";

    private static final RequestMatcher API_VIEWER = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    @Bean
    SecurityFilterChain site(HttpSecurity http, AuthenticationManager signIn, SessionRegistry sessionRegistry) {
        // Nothing kept on the server for someone who has not signed in: the page asked for in a cookie, the CSRF
        // token in a cookie (double submit), a failed sign-in told in the address it is sent back to.
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        // The header name the session's token had, so that a script sending the token does not change with it.
        csrfTokens.setHeaderName("X-CSRF-TOKEN");
        LoginUrlAuthenticationEntryPoint toSignIn = new LoginUrlAuthenticationEntryPoint(SignInController.PATH);
        // "Location: /connexion", not an address built from the request's Host header.
        toSignIn.setFavorRelativeUris(true);
        // Before anything reads a parameter: a request whose parameters Tomcat cannot read gets a French page.
        http.addFilterBefore(new UnreadableRequests(), CsrfFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ADMIN)
                        .hasRole(EditorDetailsService.ROLE)
                        .anyRequest()
                        .permitAll())
                .authenticationManager(signIn)
                .formLogin(form -> form.loginPage(SignInController.PATH)
                        .loginProcessingUrl(SignInController.PATH)
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .defaultSuccessUrl(HOME_OF_ADMIN)
                        .failureHandler(new SignInFailureHandler()))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl("/"))
                .requestCache(cache -> cache.requestCache(new AskedForCookie()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toSignIn))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, COMMENT_FORM),
                                // OAI-PMH lets harvesters ask by POST; the answer changes nothing and reads no session.
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, OAI_PMH)))
                // Sessions only for signed-in editors, and a few each: the oldest ends when a sixth begins. They are
                // Spring Session's, in the database (EditorSessions), so that any instance serves an editor.
                .sessionManagement(sessions -> sessions.maximumSessions(MAX_SESSIONS_PER_EDITOR)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl(SignInController.PATH + "?" + SignInController.ENDED))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                API_VIEWER, new ContentSecurityPolicyHeaderWriter(API_VIEWER_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(API_VIEWER),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY))));
        // CSRF protection (but for the comment form, above), session fixation protection (a new session id on
        // signing in) and the other security headers are Spring Security's defaults, kept as they are:
        // X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Strict-Transport-Security on secure requests only,
        // and Cache-Control: no-store unless the application set it first (pagecache.HttpCaching does on public pages).
        return http.build();
    }

    /**
     * The one way editors' passwords are checked: throttled. Published as a bean so that Spring Security makes no
     * other, and Spring Boot no default user with a generated password.
     */
    @Bean
    AuthenticationManager signIn(EditorRepository editors, PasswordEncoder passwords, SignInThrottle throttle) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(new EditorDetailsService(editors));
        passwordCheck.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledSignIn(passwordCheck, throttle));
    }
}
