/**
 * Following and finding the archive: Atom feeds (whole archive, per author, per theme, and combined), the
 * sitemap and robots.txt.
 */
@ApplicationModule(
        displayName = "Feeds and citations",
        allowedDependencies = {"article", "author", "facet", "organisation", "topic", "typography", "web"})
package fr.tribunes.feed;

import org.springframework.modulith.ApplicationModule;
