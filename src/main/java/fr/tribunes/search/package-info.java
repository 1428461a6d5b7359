/**
 * French full-text search over the archive ({@code /recherche}): Hibernate Search with an embedded Lucene index
 * and a French analyzer (elision, accents, stop words, light stemming), highlighted snippets, and facets by
 * theme, author and year that filter the results.
 */
@ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"article", "author", "facet", "topic", "web"})
package fr.tribunes.search;

import org.springframework.modulith.ApplicationModule;
