package fr.tribunes.editorial;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.ArticleFileException;
import fr.tribunes.article.ArticleStatus;
import fr.tribunes.article.EditConflictException;
import fr.tribunes.article.InvalidDraftException;
import fr.tribunes.article.Rights;
import fr.tribunes.author.Authors;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.Topics;
import fr.tribunes.web.NotFoundException;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Op-eds in the back office: the list, the form to write and correct one, publishing, and the versions. */
@Controller
class ArticleAdminController {

    static final String LIST_VIEW = "editorial/articles";

    static final String FORM_VIEW = "editorial/article-form";

    static final String VERSIONS_VIEW = "editorial/versions";

    /** How many op-eds the list shows. */
    static final int LIST_SIZE = 200;

    private final ArticleEditor editor;

    private final Authors authors;

    private final Topics topics;

    private final Organisations organisations;

    private final MessageSource messages;

    ArticleAdminController(
            ArticleEditor editor, Authors authors, Topics topics, Organisations organisations, MessageSource messages) {
        this.messages = messages;
        this.editor = editor;
        this.authors = authors;
        this.topics = topics;
        this.organisations = organisations;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ArticleForm.MAX_BYLINES);
        binder.setAllowedFields(
                "title",
                "slug",
                "standfirst",
                "text",
                "date",
                "dateApproximate",
                "dateNote",
                "originalPublisher",
                "originalUrl",
                "rightsHolder",
                "rightsBasis",
                "rightsLicense",
                "bylines*",
                "themes",
                "organisations",
                "reason",
                "version");
    }

    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/tribunes";
    }

    @GetMapping("/admin/tribunes")
    String list(@RequestParam(name = "q", required = false) String query, Model model) {
        String words = query == null ? "" : query.strip();
        if (words.length() > 200) {
            words = words.substring(0, 200);
        }
        model.addAttribute("q", words);
        model.addAttribute("articles", editor.list(words, LIST_SIZE));
        return LIST_VIEW;
    }

    @GetMapping("/admin/tribunes/nouvelle")
    String create(Model model) {
        return form(model, ArticleForm.empty(), null, Map.of());
    }

    @PostMapping("/admin/tribunes/nouvelle")
    String create(
            @ModelAttribute("form") ArticleForm form, Principal editorName, Model model, RedirectAttributes flash) {
        try {
            long id = editor.create(draft(form), editorName.getName());
            flash.addFlashAttribute("done", message("editorial.done.created"));
            return "redirect:/admin/tribunes/" + id;
        } catch (InvalidDraftException e) {
            return form(model, form.withSpareRows(), null, e.errors());
        }
    }

    @GetMapping("/admin/tribunes/{id}")
    String edit(@PathVariable String id, Model model) {
        ArticleEditor.Edited edited = find(id);
        return form(model, ArticleForm.of(edited), edited, Map.of());
    }

    @PostMapping("/admin/tribunes/{id}")
    String save(
            @PathVariable String id,
            @ModelAttribute("form") ArticleForm form,
            Principal editorName,
            Model model,
            RedirectAttributes flash) {
        ArticleEditor.Edited edited = find(id);
        try {
            editor.save(edited.id(), form.getVersion(), draft(form), form.getReason(), editorName.getName());
        } catch (InvalidDraftException e) {
            return form(model, form.withSpareRows(), edited, e.errors());
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            return conflict(model, form, edited);
        }
        flash.addFlashAttribute(
                "done",
                message(
                        edited.status() == ArticleStatus.PUBLISHED
                                ? "editorial.done.corrected"
                                : "editorial.done.saved"));
        return "redirect:/admin/tribunes/" + edited.id();
    }

    /**
     * Someone saved the op-ed since this editor opened it: nothing is overwritten. The editor gets their own text
     * back, told what happened; saving again, now knowingly, replaces the other version.
     */
    private String conflict(Model model, ArticleForm form, ArticleEditor.Edited before) {
        ArticleEditor.Edited current = editor.find(before.id()).orElse(before);
        form.setVersion(current.version());
        model.addAttribute("conflict", true);
        return form(model, form.withSpareRows(), current, Map.of());
    }

    @PostMapping("/admin/tribunes/{id}/publication")
    String publish(@PathVariable String id, Principal editorName, RedirectAttributes flash) {
        ArticleEditor.Edited edited = find(id);
        editor.publish(edited.id(), editorName.getName());
        flash.addFlashAttribute("done", message("editorial.done.published"));
        return "redirect:/admin/tribunes/" + edited.id();
    }

    @PostMapping("/admin/tribunes/{id}/retrait")
    String unpublish(@PathVariable String id, RedirectAttributes flash) {
        ArticleEditor.Edited edited = find(id);
        editor.unpublish(edited.id());
        flash.addFlashAttribute("done", message("editorial.done.withdrawn"));
        return "redirect:/admin/tribunes/" + edited.id();
    }

    @GetMapping("/admin/tribunes/{id}/versions")
    String versions(@PathVariable String id, Model model) {
        ArticleEditor.Edited edited = find(id);
        model.addAttribute("article", edited);
        model.addAttribute("versions", editor.revisions(edited.id()));
        return VERSIONS_VIEW;
    }

    @PostMapping("/admin/tribunes/{id}/versions/{number}/retablissement")
    String restore(@PathVariable String id, @PathVariable String number, Principal editorName, RedirectAttributes flash)
            throws InvalidDraftException, ArticleFileException {
        ArticleEditor.Edited edited = find(id);
        int version = parseNumber(number);
        if (editor.revisions(edited.id()).stream().noneMatch(r -> r.number() == version)) {
            throw new NotFoundException("Cette tribune n’a pas de version n° %s.".formatted(number));
        }
        editor.restore(edited.id(), version, editorName.getName());
        flash.addFlashAttribute("done", message("editorial.done.restored", String.valueOf(version)));
        return "redirect:/admin/tribunes/" + edited.id() + "/versions";
    }

    /** A message from messages.properties; numbers are passed as strings, so that 1000 is not printed « 1 000 ». */
    /** What the form says, refused whole when its choice of footing for the rights is none the form offers. */
    private ArticleDraft draft(ArticleForm form) throws InvalidDraftException {
        if (form.unknownRightsBasis()) {
            throw new InvalidDraftException(Map.of("rightsBasis", message("editorial.article.rights.basis.unknown")));
        }
        return form.toDraft();
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, Locale.FRENCH);
    }

    private String form(Model model, ArticleForm form, ArticleEditor.Edited edited, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("edited", edited);
        model.addAttribute("errors", errors);
        model.addAttribute("rightsBases", Rights.Basis.values());
        model.addAttribute("knownAuthors", authors.findAll());
        model.addAttribute("knownThemes", topics.findAll());
        model.addAttribute("knownOrganisations", organisations.findAll());
        return FORM_VIEW;
    }

    private ArticleEditor.Edited find(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id));
        }
        return editor.find(Long.parseLong(id))
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id)));
    }

    private static int parseNumber(String number) {
        if (!number.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundException("Aucune version n° « %s ».".formatted(number));
        }
        return Integer.parseInt(number);
    }
}
