package fr.tribunes.article;

/** What kind of periodical first published an op-ed, as editors say ({@link Publishers}). */
public enum PublicationKind {
    /** A magazine or « revue », in print or online. */
    MAGAZINE,
    /** A newspaper, in print or online. */
    NEWSPAPER
}
