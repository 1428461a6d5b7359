package fr.tribunes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole site, on a random port and through MockMvc, on an in-memory H2 database migrated and seeded as in
 * production: one application that every test class so annotated shares (Spring's test context cache keeps it,
 * so it starts once per run). Hence the rules for a test that uses it:
 *
 * <ul>
 *   <li>write only on op-eds, authors, themes, editors and comments of its own, synthetic and titled so, and never
 *       assume the archive holds only the seed: other classes add to it, in an order that is not fixed;
 *   <li>read the time from {@link TestClock}, which stands still until a test moves it forward, and move it only
 *       forward;
 *   <li>sign in as {@link #EDITOR}, the first editor created at start-up, or as an editor it added;
 *   <li>a test that needs other settings, beans or a database of its own says so with its own
 *       {@code @SpringBootTest} (docs/testing.md lists them and why).
 * </ul>
 *
 * Forwarded headers are trusted, as behind the nginx of deploy/: requests come from loopback, a trusted proxy.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:site-tests;DB_CLOSE_DELAY=-1",
            "tribunes.admin.username=" + SiteTest.EDITOR,
            "tribunes.admin.password=" + SiteTest.PASSWORD,
            "server.forward-headers-strategy=native",
            // Imports may fetch from a server the tests start on loopback (SafeFetcher refuses it otherwise).
            "tribunes.imports.allowed-addresses=127.0.0.1"
        })
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
public @interface SiteTest {

    /** The first editor's username. */
    String EDITOR = "redaction";

    /** The first editor's password. */
    String PASSWORD = "une phrase de passe de test assez longue";
}
