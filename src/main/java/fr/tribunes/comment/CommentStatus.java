package fr.tribunes.comment;

/** Where a comment stands in moderation. Only approved comments are ever shown to readers. */
enum CommentStatus {
    /** Sent, waiting for an editor. */
    PENDING,
    /** Shown under its op-ed. */
    APPROVED,
    /** Marked as unwanted by an editor: never shown. */
    SPAM
}
