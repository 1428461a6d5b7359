/**
 * What authors, themes and organisations share: a named record with an address of its own that lists
 * op-eds ({@link fr.tribunes.facet.Facet}), its table ({@link fr.tribunes.facet.FacetEntity}), one directory that
 * finds, creates, renames and merges them while former addresses keep answering ({@link fr.tribunes.facet.FacetDirectory},
 * {@link fr.tribunes.facet.FormerSlugs}), their two public pages ({@link fr.tribunes.facet.FacetPages}: the list, and
 * one's op-eds), and the card that stands for an op-ed in their lists.
 */
@ApplicationModule(
        displayName = "Facets",
        allowedDependencies = {"pagecache", "typography", "web"})
package fr.tribunes.facet;

import org.springframework.modulith.ApplicationModule;
