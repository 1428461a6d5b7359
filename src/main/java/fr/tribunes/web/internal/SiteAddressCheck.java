package fr.tribunes.web.internal;

import fr.tribunes.web.SiteUrls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Says so at start when the site's public address ({@code TRIBUNES_SITE_URL}) is not set: canonical links, feeds,
 * sitemaps, citations and Open Graph would all name {@code http://localhost:8080}, which is right only for someone
 * trying the archive on their own machine. A warning when the server listens beyond this machine; with the
 * {@code postgres} profile, which is for a real deployment, the site refuses to start.
 */
@Component
@ConditionalOnWebApplication
class SiteAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(SiteAddressCheck.class);

    SiteAddressCheck(SiteUrls urls, Environment environment) {
        if (!urls.unset()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("TRIBUNES_SITE_URL is not set: with the postgres profile, set it to the"
                    + " site's public address (e.g. https://tribunes.example.fr); canonical links, feeds, sitemaps and"
                    + " citations are made from it.");
        }
        if (!loopback(environment.getProperty("server.address"))) {
            log.warn(
                    "TRIBUNES_SITE_URL is not set: canonical links, feeds, sitemaps, citations and Open Graph name {},"
                            + " while the server listens beyond this machine. Set it to the site's public address.",
                    SiteUrls.UNSET);
        }
    }

    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
