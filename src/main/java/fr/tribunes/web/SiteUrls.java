package fr.tribunes.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public address of the site ({@code tribunes.site-url}), from which canonical links, feeds and citations
 * are made. It is configured rather than read from the request so that no client can choose it with a
 * {@code Host} header.
 *
 * @param siteUrl e.g. {@code https://tribunes.example.fr}, without a trailing slash
 */
@ConfigurationProperties("tribunes")
public record SiteUrls(String siteUrl) {

    /** Where a site whose address is not configured believes it is. */
    public static final String UNSET = "http://localhost:8080";

    public SiteUrls {
        siteUrl = siteUrl == null || siteUrl.isBlank() ? UNSET : siteUrl.strip();
        while (siteUrl.endsWith("/")) {
            siteUrl = siteUrl.substring(0, siteUrl.length() - 1);
        }
    }

    /** Whether the address was left as it is by default, on this machine only. */
    public boolean unset() {
        return UNSET.equals(siteUrl);
    }

    /** The absolute address of a path on this site, e.g. {@code /themes} to {@code https://…/themes}. */
    public String absolute(String path) {
        return siteUrl + path;
    }
}
