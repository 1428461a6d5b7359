/**
 * Themes (tags) such as « cloud souverain »: the list of themes and, for each, the op-eds filed under it. The
 * op-eds themselves come through {@link fr.tribunes.topic.TopicArticles}, which the article feature answers.
 */
@ApplicationModule(
        displayName = "Themes",
        allowedDependencies = {"facet", "web"})
package fr.tribunes.topic;

import org.springframework.modulith.ApplicationModule;
