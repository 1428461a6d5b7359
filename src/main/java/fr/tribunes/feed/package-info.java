/**
 * Following and finding the archive: Atom feeds (whole archive, per author, per theme, and combined), the
 * sitemap and robots.txt.
 */
package fr.tribunes.feed;
