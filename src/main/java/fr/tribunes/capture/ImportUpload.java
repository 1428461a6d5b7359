package fr.tribunes.capture;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upload of a file to import ({@code POST /admin/imports/fichier}): the one address of the site that reads a
 * multipart body, with Tomcat's own parser and limits of its own (a file of {@value #MAX_MB} MB at most, written to
 * disk as it arrives), so the rest of the site still parses none. Spring Security guards it as the rest of
 * {@code /admin}, its CSRF token read from the form. The report goes back to {@code /admin/imports}.
 */
class ImportUpload extends HttpServlet {

    static final String PATH = "/admin/imports/fichier";

    static final long MAX_MB = 200;

    private final transient Imports imports;

    ImportUpload(Imports imports) {
        this.imports = imports;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = request.getSession();
        try {
            Part part = request.getPart("fichier");
            String name = part == null
                    ? null
                    : Path.of(String.valueOf(part.getSubmittedFileName()))
                            .getFileName()
                            .toString();
            if (part == null || part.getSize() == 0 || name.isBlank()) {
                session.setAttribute(ImportController.PROBLEM, "Choisissez un fichier à importer.");
            } else {
                Path upload = Files.createTempFile("tribunes-upload-", ".bin");
                try {
                    try (InputStream in = part.getInputStream()) {
                        Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
                    }
                    session.setAttribute(
                            ImportController.REPORT,
                            imports.importFile(
                                    name, upload, request.getUserPrincipal().getName()));
                } catch (IllegalArgumentException refused) {
                    session.setAttribute(ImportController.PROBLEM, refused.getMessage());
                } finally {
                    Files.deleteIfExists(upload);
                    part.delete();
                }
            }
        } catch (IllegalStateException tooLarge) {
            session.setAttribute(
                    ImportController.PROBLEM, "Le fichier dépasse " + MAX_MB + " Mo : il n’est pas importé.");
        } catch (ServletException notMultipart) {
            session.setAttribute(ImportController.PROBLEM, "Envoyez le fichier depuis le formulaire d’import.");
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/admin/imports");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ServletRegistrationBean<ImportUpload> importUpload(Imports imports) {
            ServletRegistrationBean<ImportUpload> registration =
                    new ServletRegistrationBean<>(new ImportUpload(imports), PATH);
            registration.setMultipartConfig(new MultipartConfigElement(
                    System.getProperty("java.io.tmpdir"), MAX_MB * 1024 * 1024, MAX_MB * 1024 * 1024 + 65536, 0));
            registration.setLoadOnStartup(1);
            return registration;
        }
    }
}
