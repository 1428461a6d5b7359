package fr.tribunes.pagecache.internal;

import fr.tribunes.pagecache.ArchiveVersion;
import fr.tribunes.pagecache.RenderTimeValues;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching for the public pages: a strong ETag computed from what is sent (but for a form's signed token,
 * {@link PageEtags}), so any edit changes it and a conditional request for an unchanged page answers 304 without a
 * body; and {@code Cache-Control} letting
 * browsers and a CDN keep a public page for five minutes. Error pages and searches are not kept, and neither is
 * anything for editors ({@link #isPrivate}), nor the health a load balancer asks for.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

    /** How long a browser or a CDN may keep a public page without asking again, in seconds. */
    static final int MAX_AGE = 300;

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new PageEtags());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /**
     * Outside Spring Security's filters, so that a page served again runs none of them; the headers they wrote
     * when the page was rendered are kept with it.
     */
    @Bean
    FilterRegistrationBean<PageCache> pageCache(
            ArchiveVersion version,
            ObjectProvider<RenderTimeValues> renewals,
            Clock clock,
            @Value("${tribunes.page-cache.max-mb:16}") long maxMegabytes,
            ObjectProvider<PageFiles> files) {
        PageCache cache = new PageCache(
                version,
                renewals.orderedStream().toList(),
                clock,
                maxMegabytes * 1024 * 1024,
                maxMegabytes > 0 ? files.getIfAvailable() : null);
        FilterRegistrationBean<PageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setEnabled(maxMegabytes > 0);
        return registration;
    }

    /** The page cache's files ({@link PageFiles}); none when {@code tribunes.page-cache.disk-mb} is 0. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${tribunes.page-cache.disk-mb:1024} > 0")
    PageFiles pageFiles(
            @Value("${tribunes.page-cache.dir}") Path folder,
            @Value("${tribunes.page-cache.disk-mb:1024}") long maxMegabytes) {
        return new PageFiles(folder, maxMegabytes * 1024 * 1024);
    }

    /** Inside the ETag filter, so the response is still buffered when it adds its header. */
    @Bean
    FilterRegistrationBean<LastModified> lastModified(ArchiveVersion version) {
        FilterRegistrationBean<LastModified> registration = new FilterRegistrationBean<>(new LastModified(version));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cacheControl() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                            if (isPrivate(request) || request.getRequestURI().startsWith("/actuator/")) {
                                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                            } else if (!request.getRequestURI().startsWith("/recherche")) {
                                response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE);
                            }
                        }
                        // Error pages replace this with "no-store" (ErrorPages, ErrorPageController).
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /**
     * Whether a page is for editors: the administration, the sign-in page, and whatever is sent to an editor
     * signed in. Such a page is kept by no cache, shared or not: it may show what readers may not see, or carry
     * the token of a form. (This filter runs after Spring Security's, so the request knows who is signed in.)
     */
    private static boolean isPrivate(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getUserPrincipal() != null
                || path.equals("/admin")
                || path.startsWith("/admin/")
                || path.startsWith("/connexion");
    }
}
