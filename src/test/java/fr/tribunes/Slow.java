package fr.tribunes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that costs several seconds on its own, beyond the applications the suite shares: it starts and stops
 * applications on data directories of its own, backs up and restores whole archives, compacts a database file, runs
 * the import and export commands, sends thousands of raw requests, or checks an invariant over hundreds of edits.
 * {@code ./mvnw verify} leaves these out, so that the loop a developer runs after each change stays near two
 * minutes; {@code ./mvnw verify -Pfull} — the README's test command, the one CI runs — runs them with the rest.
 * Nothing is skipped for good: a test so marked only waits for the full run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("slow")
public @interface Slow {}
