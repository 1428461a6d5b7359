package fr.tribunes.web.internal;

import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the page's canonical address. */
@ControllerAdvice
class SiteModel {

    private final SiteUrls urls;

    SiteModel(SiteUrls urls) {
        this.urls = urls;
    }

    /** The page's own address on the public site; a list's page other than the first keeps its number. */
    @ModelAttribute("canonical")
    String canonical(HttpServletRequest request) {
        String path = request.getRequestURI();
        String page = request.getParameter("page");
        // Only a valid page number reaches a rendered page; "02" and "2" are the same page.
        if (page != null && page.strip().matches("[0-9]{1,9}") && Integer.parseInt(page.strip()) > 1) {
            path += "?page=" + Integer.parseInt(page.strip());
        }
        return urls.absolute(path);
    }
}
