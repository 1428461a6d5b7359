/**
 * Organisations named in op-eds (Numergy, Amazon Web Services…), a facet apart from themes: the list of them and, for each, the op-eds that name it. The op-eds come through {@link fr.tribunes.organisation.OrganisationArticles}, which the article feature answers.
 */
@ApplicationModule(
        displayName = "Organisations",
        allowedDependencies = {"facet", "web"})
package fr.tribunes.organisation;

import org.springframework.modulith.ApplicationModule;
