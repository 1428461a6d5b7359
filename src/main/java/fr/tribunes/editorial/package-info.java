/**
 * The back office where editors write, correct and publish op-eds and keep authors, themes and organisations in
 * order. Everything here is under {@code /admin/}, for signed-in editors only; the work itself is done by the
 * article feature's {@code ArticleEditor} and the facet directories.
 */
@ApplicationModule(
        displayName = "Back office",
        allowedDependencies = {"article", "author", "facet", "organisation", "topic", "typography", "web"})
package fr.tribunes.editorial;

import org.springframework.modulith.ApplicationModule;
