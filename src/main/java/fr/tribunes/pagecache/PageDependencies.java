package fr.tribunes.pagecache;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a page shows, noted while it renders, so that the page cache keeps it until one of those things changes
 * rather than until anything in the archive does ({@code docs/adr/0001-bounded-rendering.md}). Whatever reads the
 * archive for a page says what it read: an op-ed ({@link #opEd}), a list ({@link #list}), a theme's newest op-eds
 * among which related op-eds are chosen ({@link #relatedAmong}), a theme, author or organisation's name
 * ({@link #facet}). Writers say the same of what they changed ({@link ArchiveVersion#changedOnly}).
 *
 * <p>Only the pages {@link PageCache} knows to be fully described this way (an op-ed's, a theme's, an author's, an
 * organisation's, a year's) are kept by what they show; every other page is rendered again after any change.
 */
public final class PageDependencies {

    private static final ThreadLocal<Set<String>> NOTED = new ThreadLocal<>();

    private PageDependencies() {}

    /** An op-ed's text, details, bylines and comments. */
    public static String opEd(long id) {
        return "tribune:" + id;
    }

    /** Which op-eds a list holds, in what order, and how many (kind: TOPIC, AUTHOR, ORGANISATION, YEAR, ALL). */
    public static String list(String kind, long id) {
        return "liste:" + kind + ":" + id;
    }

    /** The newest op-eds of a theme, among which the related op-eds of its op-eds are chosen. */
    public static String relatedAmong(long topicId) {
        return "fenetre:" + topicId;
    }

    /** A theme's, author's or organisation's name, address and description. */
    public static String facet(String kind, long id) {
        return "facette:" + kind + ":" + id;
    }

    /** Notes that the page being rendered shows this; nothing when no page is being kept. */
    public static void shows(String dependency) {
        Set<String> noted = NOTED.get();
        if (noted != null) {
            noted.add(dependency);
        }
    }

    /** Starts noting for the page about to be rendered on this thread. */
    public static void start() {
        NOTED.set(new LinkedHashSet<>());
    }

    /** What the page rendered on this thread showed; noting stops. */
    public static Set<String> stop() {
        Set<String> noted = NOTED.get();
        NOTED.remove();
        return noted == null ? Set.of() : Set.copyOf(noted);
    }
}
