package fr.tribunes.account;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    EditorController(EditorAccounts accounts) {
        this.accounts = accounts;
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "password", "confirmation");
    }

    @GetMapping
    String editors(Model model) {
        model.addAttribute("form", new NewEditorForm());
        return page(model);
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
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("editors", accounts.list());
        return VIEW;
    }
}
