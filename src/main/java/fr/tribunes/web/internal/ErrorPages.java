package fr.tribunes.web.internal;

import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the archive's own exceptions into the French error pages, with the reason the visitor can act on.
 * Everything else (unknown addresses, Tomcat's own refusals, failures) reaches Boot's error controller, which
 * renders the same {@code templates/error/*.html} without any detail of the failure.
 */
@ControllerAdvice
class ErrorPages {

    static final String NOT_FOUND_VIEW = "error/404";

    static final String BAD_REQUEST_VIEW = "error/400";

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ModelAndView badRequest(BadRequestException e) {
        return page(BAD_REQUEST_VIEW, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        return page(
                BAD_REQUEST_VIEW,
                HttpStatus.BAD_REQUEST,
                "La valeur « %s » ne convient pas au paramètre « %s ».".formatted(e.getValue(), e.getName()));
    }

    /**
     * A form field that names no property of the form, or a list entry out of bounds ({@code bylines[-1].author},
     * {@code bylines[500].author}): only a hand-made request sends one, and it is refused as such.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView unreadableField(InvalidPropertyException e) {
        return page(
                BAD_REQUEST_VIEW,
                HttpStatus.BAD_REQUEST,
                "Le formulaire envoyé contient un champ que le site ne peut pas lire.");
    }

    private static ModelAndView page(String view, HttpStatus status, String reason) {
        ModelAndView page = new ModelAndView(view, status);
        noStore();
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        return page;
    }

    /** An error page is an answer to one request, not a page to keep. */
    static void noStore() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletResponse response = attributes.getResponse();
            if (response != null) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        }
    }
}
