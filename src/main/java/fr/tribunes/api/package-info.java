/**
 * The read-only JSON API ({@code /api/…}), documented by OpenAPI at {@code /v3/api-docs} and
 * {@code /swagger-ui.html}; errors as RFC 9457 problem details; open to other sites for GET.
 */
@ApplicationModule(
        displayName = "API",
        allowedDependencies = {"article", "author", "facet", "organisation", "topic", "web"})
package fr.tribunes.api;

import org.springframework.modulith.ApplicationModule;
