/**
 * The back office where editors write, correct and publish op-eds and keep authors, themes and organisations in
 * order. Everything here is under {@code /admin/}, for signed-in editors only; the work itself is done by the
 * article feature's {@code ArticleEditor} and the facet directories.
 */
package fr.tribunes.editorial;
