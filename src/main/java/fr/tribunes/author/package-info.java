/**
 * The people who signed op-eds: the list of authors and, for each, their op-eds with the role they held when each was published. The op-eds come through {@link fr.tribunes.author.AuthorArticles}, which the article feature answers.
 */
@ApplicationModule(
        displayName = "Authors",
        allowedDependencies = {"facet", "web"})
package fr.tribunes.author;

import org.springframework.modulith.ApplicationModule;
