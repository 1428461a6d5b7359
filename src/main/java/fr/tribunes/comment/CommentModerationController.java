package fr.tribunes.comment;

import fr.tribunes.article.ArticleRef;
import fr.tribunes.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation queue in the back office ({@code /admin/commentaires}, for signed-in editors only): comments by
 * state, with their authors' e-mail addresses; approving, marking as unwanted and deleting several at once;
 * closing and reopening an op-ed's comments; deleting everything sent with an e-mail address.
 */
@Controller
class CommentModerationController {

    static final String PATH = "/admin/commentaires";

    static final String VIEW = "comment/moderation";

    /** The queue's tabs, by the name they have in the address. */
    static final Map<String, CommentStatus> STATES = Map.of(
            "en-attente", CommentStatus.PENDING,
            "approuves", CommentStatus.APPROVED,
            "indesirables", CommentStatus.SPAM);

    private static final Map<String, CommentModeration.Action> ACTIONS = Map.of(
            "approuver", CommentModeration.Action.APPROVE,
            "indesirable", CommentModeration.Action.SPAM,
            "supprimer", CommentModeration.Action.DELETE);

    private final CommentModeration moderation;

    private final MessageSource messages;

    CommentModerationController(CommentModeration moderation, MessageSource messages) {
        this.moderation = moderation;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String queue(
            @RequestParam(name = "etat", required = false) String state,
            @RequestParam(name = "tribune", required = false) String tribune,
            Model model) {
        String tab = state != null && STATES.containsKey(state) ? state : "en-attente";
        ArticleRef article = null;
        if (tribune != null && !tribune.isBlank()) {
            Optional<ArticleRef> found = findArticle(tribune.strip());
            if (found.isEmpty()) {
                model.addAttribute("notFound", tribune.strip().length() > 300 ? "" : tribune.strip());
            } else {
                article = found.get();
                model.addAttribute("articleClosed", moderation.isClosed(article.id()));
            }
        }
        Long articleId = article == null ? null : article.id();
        model.addAttribute("tab", tab);
        model.addAttribute("article", article);
        Map<CommentStatus, Long> counts = moderation.counts(articleId);
        Map<String, Long> byTab = new HashMap<>();
        STATES.forEach((name, status) -> byTab.put(name, counts.get(status)));
        model.addAttribute("counts", byTab);
        model.addAttribute("comments", moderation.queue(STATES.get(tab), articleId));
        model.addAttribute(
                "floods", "en-attente".equals(tab) ? moderation.floods(articleId) : List.<CommentModeration.Flood>of());
        model.addAttribute("floodSize", CommentModeration.FLOOD);
        model.addAttribute("queueSize", CommentModeration.QUEUE_SIZE);
        model.addAttribute("closedArticles", moderation.closedArticles());
        return VIEW;
    }

    @PostMapping(PATH)
    String moderate(
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(name = "etat", required = false) String state,
            @RequestParam(name = "tribune", required = false) String tribune,
            Principal editor,
            RedirectAttributes flash) {
        CommentModeration.Action chosen = action == null ? null : ACTIONS.get(action);
        List<Long> chosenIds = new ArrayList<>();
        if (ids != null) {
            ids.stream()
                    .filter(id -> id.matches("[0-9]{1,18}"))
                    .limit(CommentModeration.QUEUE_SIZE)
                    .forEach(id -> chosenIds.add(Long.parseLong(id)));
        }
        if (chosen == null || chosenIds.isEmpty()) {
            flash.addFlashAttribute("problem", message("comment.moderation.none-selected"));
        } else {
            int done = moderation.apply(chosen, chosenIds, editor.getName());
            flash.addFlashAttribute("done", message("comment.moderation.done." + action, done));
        }
        return redirectToQueue(state, tribune);
    }

    /**
     * Deletes, or marks as unwanted, the comments waiting on an op-ed in one go, up to the last one the editor was
     * shown ({@code jusqua}): a flood is one thing to deal with, not fifty boxes to tick.
     */
    @PostMapping(PATH + "/afflux/{id}")
    String moderateFlood(
            @PathVariable String id,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "jusqua", required = false) String lastId,
            @RequestParam(name = "tribune", required = false) String tribune,
            Principal editor,
            RedirectAttributes flash) {
        ArticleRef article = article(id);
        boolean known = "supprimer".equals(action) || "indesirable".equals(action);
        if (!known || lastId == null || !lastId.matches("[0-9]{1,18}")) {
            flash.addFlashAttribute("problem", message("comment.moderation.flood.invalid"));
        } else {
            int done = moderation.applyToFlood(
                    ACTIONS.get(action), article.id(), Long.parseLong(lastId), editor.getName());
            flash.addFlashAttribute("done", message("comment.moderation.done." + action, done));
        }
        return redirectToQueue(null, tribune);
    }

    @PostMapping(PATH + "/tribunes/{id}/fermeture")
    String close(@PathVariable String id, Principal editor, RedirectAttributes flash) {
        ArticleRef article = article(id);
        moderation.close(article.id(), editor.getName());
        flash.addFlashAttribute("done", message("comment.moderation.closed", article.title()));
        return redirectToQueue(null, String.valueOf(article.id()));
    }

    @PostMapping(PATH + "/tribunes/{id}/ouverture")
    String reopen(@PathVariable String id, RedirectAttributes flash) {
        ArticleRef article = article(id);
        moderation.reopen(article.id());
        flash.addFlashAttribute("done", message("comment.moderation.reopened", article.title()));
        return redirectToQueue(null, String.valueOf(article.id()));
    }

    /** The right to erasure: every comment sent with an address, whatever its state, is deleted. */
    @PostMapping(PATH + "/suppression-par-adresse")
    String deleteAllFrom(@RequestParam(name = "email", required = false) String email, RedirectAttributes flash) {
        String address = email == null ? "" : CommentText.cleanLine(email);
        if (address.isEmpty() || address.length() > Comments.MAX_EMAIL) {
            flash.addFlashAttribute("problem", message("comment.moderation.erase.invalid"));
        } else {
            int deleted = moderation.deleteAllFrom(address);
            flash.addFlashAttribute("done", message("comment.moderation.erase.done", deleted, address));
        }
        return "redirect:" + PATH;
    }

    /** An op-ed by its number in the back office, its address, or its public page's full address. */
    private Optional<ArticleRef> findArticle(String given) {
        if (given.matches("[0-9]{1,18}")) {
            return moderation.article(Long.parseLong(given));
        }
        String path = given;
        try {
            URI uri = new URI(given);
            if (uri.getPath() != null) {
                path = uri.getPath();
            }
        } catch (URISyntaxException e) {
            // Not an address: taken as a slug.
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String slug = path.substring(path.lastIndexOf('/') + 1);
        return slug.matches("[a-z0-9-]{1,300}") ? moderation.publishedArticle(slug) : Optional.empty();
    }

    private ArticleRef article(String id) {
        return (id.matches("[0-9]{1,18}") ? moderation.article(Long.parseLong(id)) : Optional.<ArticleRef>empty())
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id)));
    }

    private static String redirectToQueue(String state, String tribune) {
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(PATH);
        if (state != null && STATES.containsKey(state) && !"en-attente".equals(state)) {
            target.queryParam("etat", state);
        }
        if (tribune != null && tribune.matches("[0-9]{1,18}")) {
            target.queryParam("tribune", tribune);
        }
        return "redirect:" + target.toUriString();
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
