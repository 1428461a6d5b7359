/**
 * Moving the archive in and out as files: {@code import} reads op-eds in the exchange format (one Markdown file
 * each) and a {@code facettes.yaml} of authors, themes and organisations; {@code export} writes them all, so that an
 * export imported into an empty archive gives the same public site; {@code backup} saves the whole database and that
 * export, and {@code restore} brings such a backup back into an empty data directory. Run from the command line,
 * without the web server.
 */
@ApplicationModule(
        displayName = "Import, export, backup",
        allowedDependencies = {
            "article",
            "author",
            "capture",
            "facet",
            "organisation",
            "search",
            "storage",
            "topic",
            "typography"
        })
package fr.tribunes.exchange;

import org.springframework.modulith.ApplicationModule;
