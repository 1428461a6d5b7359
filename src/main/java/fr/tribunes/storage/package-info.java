/**
 * Where the data lives and how it stays whole: the data directory (owner-only files), H2's file compacted
 * while the site runs behind a gate that holds new work off the database, H2's identity columns set right after
 * a crash, and the counted rows that every instance shares (the sign-in throttle's, the comment rate limit's). See
 * docs/data.md and docs/adr/0004-h2-append-only-compacted-online.md.
 */
@ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {})
package fr.tribunes.storage;

import org.springframework.modulith.ApplicationModule;
