package fr.tribunes.search;

import java.util.Collection;

/**
 * Keeps the search index in step with the archive: the op-eds editors change are indexed again once their change is
 * committed, and an index that misses changes says so ({@link #behind()}) until it catches up. Two keepers, chosen by
 * configuration: the embedded Lucene index of one instance (the default), kept beside the data and indexed by the
 * instance that made the change; or a search cluster shared by several instances (profile opensearch, ADR 10),
 * indexed through the database's outbox by whichever instance's event processor picks the change up.
 */
public interface SearchIndex {

    /** Rebuilds the whole index from the database; returns how long it took, in milliseconds. */
    long rebuild() throws InterruptedException;

    /** Indexes these op-eds again, or removes them from the index if they no longer exist or are not published. */
    void reindex(Collection<Long> articleIds);

    /**
     * How many op-eds the index missed (-1: not known, all of them), 0 when it is up to date: changes that failed to
     * reach it, and wait for {@link #catchUpNow()}, a restart or (on a cluster) the next automatic retry.
     */
    int behind();

    /**
     * Brings the index up to date now: indexes again the op-eds it missed. Returns whether it is up to date; if not,
     * the reason is logged.
     */
    boolean catchUpNow();

    /** How many op-eds the index holds. */
    long indexedCount();
}
