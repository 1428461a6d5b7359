package fr.tribunes.web.internal;

import fr.tribunes.web.SecurityHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them (a malformed address such as {@code /%}, an
 * encoded slash) and answers them with its own English page naming the server. This puts a plain French page
 * in its place. It must be a file: Tomcat's error valve reads its pages from the file system. Spring Security never
 * sees these requests, so the page gets the site's security headers here.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String PAGE = "container-error.html";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String page = extractPage().toString();
        factory.addContextCustomizers(context -> {
            ErrorReportValve valve = new SecureErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            // "errorCode.0" is the valve's page for every status without a page of its own.
            valve.setProperty("errorCode.0", page);
            Container host = context.getParent();
            host.getPipeline().addValve(valve);
        });
    }

    /** Tomcat's error valve, adding to its pages the headers Spring Security gives every other answer. */
    static final class SecureErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // The valve's own condition for writing its page: anything else already has its answer and headers.
            if (response.getStatus() >= 400 && response.getContentWritten() <= 0 && response.isErrorReportRequired()) {
                response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy());
                response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
                response.setHeader("Cache-Control", "no-store");
            }
            super.report(request, response, throwable);
        }
    }

    private static Path extractPage() {
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            Path file = Files.createTempFile("tribunes-", "-" + PAGE);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the container's error page", e);
        }
    }
}
