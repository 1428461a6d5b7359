package fr.tribunes.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The stylesheet and the favicon at addresses that carry a hash of their content, {@code
 * /assets/css/tribunes-<md5>.css}: a browser or a CDN may keep them a year without asking again ({@code immutable}),
 * since a change of the file is a new address. Served gzipped where the client accepts it, from the {@code .gz}
 * copies the build writes beside them (pom.xml, {@code gzip-static-files}); Tomcat's own compression skips them,
 * because their strong ETag would no longer match the bytes.
 *
 * <p>Under {@code /assets/} only hashed addresses answer: an unhashed one would be kept a year too. The plain
 * addresses ({@code /css/tribunes.css}, {@code /favicon.svg}) still answer, kept five minutes like a page, for the
 * pages Tomcat writes itself ({@code UnreadableRequests}) and links made before.
 *
 * <p>Templates ask for an address with {@code ${#assets.url('/css/tribunes.css')}} (StaticFilesDialect); each is worked out once.
 * Spring's {@code ResourceUrlEncodingFilter} would do it for every link a page prints instead, which cost most of
 * the CPU of a theme page (bench/run.sh), so {@code spring.web.resources.chain} stays off.
 */
@Component
public class StaticFiles implements WebMvcConfigurer {

    static final String PREFIX = "/assets/";

    /** The same strategy as the one serving them, so that an address made here is one that answers. */
    private static final ContentVersionStrategy CONTENT = new ContentVersionStrategy();

    private final Map<String, String> addresses = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PREFIX + "**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new HashedOnly())
                .addResolver(new EncodedResourceResolver())
                .addResolver(new VersionResourceResolver().addVersionStrategy(CONTENT, "/**"));
    }

    /**
     * The hashed address of a static file, e.g. {@code /css/tribunes.css} gives {@code
     * /assets/css/tribunes-0a1b….css}; the plain address when there is no such file.
     */
    public String url(String path) {
        return addresses.computeIfAbsent(path, plain -> {
            Resource file = new ClassPathResource("static" + plain);
            if (!file.isReadable()) {
                return plain;
            }
            String relative = plain.substring(1);
            return PREFIX + CONTENT.addVersion(relative, CONTENT.getResourceVersion(file));
        });
    }

    /** Refuses an unhashed address under {@code /assets/}, which would otherwise be kept a year. */
    private static final class HashedOnly implements ResourceResolver {

        @Override
        public Resource resolveResource(
                HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            if (request != null && CONTENT.extractVersion(requestPath) == null) {
                return null;
            }
            return chain.resolveResource(request, requestPath, locations);
        }

        @Override
        public String resolveUrlPath(
                String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourcePath, locations);
        }
    }
}
