/**
 * French full-text search over the archive ({@code /recherche}): Hibernate Search with an embedded Lucene index
 * and a French analyzer (elision, accents, stop words, light stemming), highlighted snippets, and facets by
 * theme, author and year that filter the results.
 */
package fr.tribunes.search;
