package fr.tribunes.article.internal;

import java.util.List;

/**
 * What an op-ed page tells machines: search engines, social networks and reference managers.
 *
 * @param url the page's canonical address
 * @param authorUrls the absolute addresses of the authors' pages, for {@code article:author}
 * @param citationDate the date as Highwire's {@code citation_publication_date} wants it, to the precision known
 *     ("2015/10")
 * @param keywords the themes, separated by semicolons
 * @param citation a ready-to-paste reference to the op-ed in this archive
 * @param jsonLd the schema.org {@code OpinionNewsArticle}, as JSON that cannot close its {@code <script>}
 */
record ArticleMetadata(
        String url, List<String> authorUrls, String citationDate, String keywords, String citation, String jsonLd) {}
