/**
 * What every page shares, whichever feature draws it: the French error pages (404, 400, 403, 500, also for
 * Tomcat's own refusals and unreadable requests), the security headers, pagination, redirects to a page's current
 * address, and the site's public address.
 */
@ApplicationModule(
        displayName = "Web",
        allowedDependencies = {})
package fr.tribunes.web;

import org.springframework.modulith.ApplicationModule;
