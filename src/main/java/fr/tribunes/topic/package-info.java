/**
 * Themes (tags) such as « cloud souverain »: the list of themes and, for each, the op-eds filed under it. The
 * op-eds themselves come through {@link fr.tribunes.topic.TopicArticles}, which the article feature answers.
 */
package fr.tribunes.topic;
