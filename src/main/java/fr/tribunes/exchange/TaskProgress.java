package fr.tribunes.exchange;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a long task (a backup, an export) has gone: the stage it is at, in French, and how many of how many
 * items it has done. Written by the task's thread, read by the back office's pages.
 */
public class TaskProgress {

    /** For a task nobody follows. */
    static final TaskProgress NONE = new TaskProgress();

    private volatile String stage = "";

    private volatile long total;

    private final AtomicLong done = new AtomicLong();

    /** A new stage begins, with {@code total} items to do (0 when unknown). */
    void stage(String label, long total) {
        this.stage = label;
        this.total = total;
        done.set(0);
    }

    /** One more item done. */
    void step() {
        done.incrementAndGet();
    }

    public String stage() {
        return stage;
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }
}
