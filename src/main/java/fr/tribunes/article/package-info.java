/**
 * The op-eds: their text as ordered blocks, kept exactly as published, with their bylines, date (to the
 * precision known), provenance and links to themes and organisations. Serves the op-ed pages, the home page
 * and the archives by year, and answers the other features' questions about which op-eds are theirs.
 */
@ApplicationModule(
        displayName = "Op-eds",
        allowedDependencies = {"author", "facet", "organisation", "pagecache", "topic", "typography", "web"})
package fr.tribunes.article;

import org.springframework.modulith.ApplicationModule;
