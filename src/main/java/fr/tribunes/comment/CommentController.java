package fr.tribunes.comment;

import fr.tribunes.article.ArticleRef;
import fr.tribunes.article.ArticleRefs;
import fr.tribunes.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Receives the comment form posted from an op-ed page. The op-ed page itself stays as every reader gets it: the
 * answer is a page of its own, kept by no cache ({@code no-store}), since it may repeat what the reader typed,
 * e-mail address included. A comment held for moderation gets a thank-you page; a refusal gets the form again,
 * with the reasons, in French, and everything typed kept; a forged or cross-site post gets a French 403.
 */
@Controller
class CommentController {

    static final String PATH = "/tribunes/{slug}/commentaires";

    static final String FORM_VIEW = "comment/form";

    static final String RECEIVED_VIEW = "comment/received";

    static final String REFUSED_VIEW = "comment/refused";

    /** Enough for an IPv6 address in full. */
    private static final int MAX_ADDRESS = 45;

    private final Comments comments;

    private final ArticleRefs articles;

    private final SameOrigin sameOrigin;

    private final MessageSource messages;

    CommentController(Comments comments, ArticleRefs articles, SameOrigin sameOrigin, MessageSource messages) {
        this.comments = comments;
        this.articles = articles;
        this.sameOrigin = sameOrigin;
        this.messages = messages;
    }

    @InitBinder("commentForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("comment", "name", "email", "website", "token", CommentForm.TRAP);
    }

    /** The form's address asked for directly (a reload, a bookmark): the form is on the op-ed page. */
    @GetMapping(PATH)
    RedirectView form(@PathVariable String slug) {
        if (!slug.matches("[a-z0-9-]{1,300}")) {
            throw new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug));
        }
        RedirectView redirect = new RedirectView("/tribunes/" + slug + "#commenter");
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    @PostMapping(PATH)
    ModelAndView post(
            @PathVariable String slug,
            @ModelAttribute("commentForm") CommentForm form,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (!sameOrigin.test(request)) {
            return refused("comment.refused.cross-site", null);
        }
        ArticleRef article = articles.findPublishedBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
        if (comments.isClosed(article.id())) {
            return refused("comment.refused.closed", article);
        }
        switch (comments.checkToken(form.getToken(), slug)) {
            case FORGED -> {
                return refused("comment.refused.forged", article);
            }
            case EXPIRED -> {
                return again(article, form, HttpStatus.BAD_REQUEST, "comment.refused.expired", Map.of());
            }
            case TOO_SOON -> {
                return again(article, form, HttpStatus.BAD_REQUEST, "comment.refused.too-soon", Map.of());
            }
            case VALID -> {}
        }
        if (form.trapFilled()) {
            // Only scripts fill a field people cannot see. Nothing is stored; the answer does not say why.
            return again(article, form, HttpStatus.BAD_REQUEST, "comment.refused.neutral", Map.of());
        }
        Comments.Submission submission = comments.submit(article, form, remoteAddress(request));
        return switch (submission.outcome()) {
            case HELD -> {
                ModelAndView page = new ModelAndView(RECEIVED_VIEW, HttpStatus.OK);
                page.addObject("article", article);
                page.addObject("status", HttpStatus.OK.value());
                yield page;
            }
            case INVALID ->
                again(article, form, HttpStatus.BAD_REQUEST, "comment.refused.invalid", submission.errors());
            case TOO_MANY -> again(article, form, HttpStatus.TOO_MANY_REQUESTS, "comment.refused.too-many", Map.of());
            case QUEUE_FULL ->
                again(article, form, HttpStatus.SERVICE_UNAVAILABLE, "comment.refused.queue-full", Map.of());
            case CLOSED -> refused("comment.refused.closed", article);
        };
    }

    /** The form again, with what was typed, a fresh token and why it was not taken. */
    private ModelAndView again(
            ArticleRef article, CommentForm form, HttpStatus status, String reason, Map<String, String> errors) {
        form.setSubject(null);
        form.setToken(comments.newToken(article.slug()));
        ModelAndView page = new ModelAndView(FORM_VIEW, status);
        page.addObject("article", article);
        page.addObject("commentForm", form);
        page.addObject("commentErrors", errors);
        page.addObject("commentNotice", message(reason));
        page.addObject("status", status.value());
        return page;
    }

    /** A refusal with nothing to correct: the form was not this site's, or comments are closed. */
    private ModelAndView refused(String reason, ArticleRef article) {
        ModelAndView page = new ModelAndView(REFUSED_VIEW, HttpStatus.FORBIDDEN);
        page.addObject("reasonTitle", message(reason + ".title"));
        page.addObject("reason", message(reason + ".text"));
        page.addObject("article", article);
        page.addObject("status", HttpStatus.FORBIDDEN.value());
        return page;
    }

    private static String remoteAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null) {
            return "";
        }
        return address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}
