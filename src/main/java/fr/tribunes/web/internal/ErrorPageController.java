package fr.tribunes.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error that reaches the servlet container (unknown addresses, refused methods, failures) as a
 * French HTML page, whatever the client's {@code Accept} header: Boot's own controller would answer JSON to
 * {@code curl} and show nothing useful to a reader. No detail of a failure is ever put in the page.
 */
@Controller
class ErrorPageController implements ErrorController {

    /** Statuses with a page of their own in {@code templates/error/}; the others use {@code templates/error.html}. */
    private static final Set<Integer> OWN_PAGES = Set.of(400, 403, 404, 500);

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri && uri.startsWith("/api/")) {
            // The API answers in its own format: an RFC 9457 problem detail.
            ErrorPages.noStore();
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(status == HttpStatus.NOT_FOUND ? "Introuvable" : "Erreur " + status.value());
            problem.setInstance(java.net.URI.create(uri));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        String view = OWN_PAGES.contains(status.value()) ? "error/" + status.value() : "error";
        ModelAndView page = new ModelAndView(view, status);
        ErrorPages.noStore();
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly, as an address: there is no page there, and no failure either.
            return HttpStatus.NOT_FOUND;
        }
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
