package fr.tribunes.account;

import fr.tribunes.web.NotFoundException;
import java.security.Principal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of editors, and the form with which an editor adds another. */
@Controller
@RequestMapping(EditorController.PATH)
class EditorController {

    static final String PATH = "/admin/editeurs";

    static final String VIEW = "account/editors";

    private final EditorAccounts accounts;

    private final SessionRegistry sessions;

    EditorController(EditorAccounts accounts, SessionRegistry sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "password", "confirmation");
    }

    @GetMapping
    String editors(Model model, Principal editor) {
        model.addAttribute("form", new NewEditorForm());
        return page(model, editor);
    }

    @PostMapping
    String add(
            @ModelAttribute("form") NewEditorForm form,
            BindingResult result,
            Principal editor,
            Model model,
            RedirectAttributes redirect) {
        form.validate(result);
        if (!result.hasFieldErrors("username") && accounts.isTaken(form.getUsername())) {
            result.rejectValue("username", "account.username.taken");
        }
        if (!result.hasErrors()) {
            try {
                accounts.add(form.getUsername(), form.getPassword(), editor.getName());
                redirect.addFlashAttribute("added", form.getUsername());
                return "redirect:" + PATH;
            } catch (UsernameTakenException e) {
                result.rejectValue("username", "account.username.taken");
            }
        }
        form.forgetPasswords();
        return page(model, editor);
    }

    /** Disables an editor: they cannot sign in any more, and their sessions end at their next request. */
    @PostMapping("/{username}/desactivation")
    String disable(@PathVariable String username, Principal editor, RedirectAttributes redirect) {
        if (!accounts.setDisabled(username, true, editor.getName())) {
            throw new NotFoundException("Aucun autre éditeur n’a l’identifiant « %s ».".formatted(username));
        }
        // Found in the database by username, whichever instance they were opened on.
        sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
        redirect.addFlashAttribute("disabled", username);
        return "redirect:" + PATH;
    }

    @PostMapping("/{username}/reactivation")
    String enable(@PathVariable String username, Principal editor, RedirectAttributes redirect) {
        if (!accounts.setDisabled(username, false, editor.getName())) {
            throw new NotFoundException("Aucun autre éditeur n’a l’identifiant « %s ».".formatted(username));
        }
        redirect.addFlashAttribute("enabled", username);
        return "redirect:" + PATH;
    }

    private String page(Model model, Principal editor) {
        model.addAttribute("editors", accounts.list());
        model.addAttribute("me", editor.getName());
        return VIEW;
    }
}
