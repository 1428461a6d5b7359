/**
 * Where the data lives and how it stays whole: the data directory (owner-only files), H2's file compacted
 * while the site runs behind a gate that holds new work off the database, and H2's identity columns set right after
 * a crash. See docs/data.md and docs/adr/0004-h2-append-only-compacted-online.md.
 */
@ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {})
package fr.tribunes.storage;

import org.springframework.modulith.ApplicationModule;
