/**
 * The HTTP page cache: public pages kept as sent (in the heap and in files), gzipped once, served again
 * while the archive's change stamp has not moved (or, on H2, while nothing they show has changed), with their
 * {@code ETag} and {@code Last-Modified}, and conditional requests answered 304. See
 * docs/adr/0005-page-cache-keyed-on-change-stamp.md.
 */
@ApplicationModule(
        displayName = "Page cache",
        allowedDependencies = {"web"})
package fr.tribunes.pagecache;

import org.springframework.modulith.ApplicationModule;
