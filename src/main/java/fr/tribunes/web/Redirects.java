package fr.tribunes.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** Permanent redirects, for addresses that changed. */
public final class Redirects {

    private Redirects() {}

    /** A 301 to {@code path}, keeping a page number when one was asked for. */
    public static RedirectView permanent(String path, String page) {
        String target = page != null && page.matches("[1-9][0-9]{0,8}") ? path + "?page=" + page : path;
        RedirectView redirect = new RedirectView(target, true);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
