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

/** An editor changes their own password, giving the current one first. */
@Controller
@RequestMapping(PasswordController.PATH)
class PasswordController {

    static final String PATH = "/admin/mot-de-passe";

    static final String VIEW = "account/password";

    private final EditorAccounts accounts;

    PasswordController(EditorAccounts accounts) {
        this.accounts = accounts;
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("currentPassword", "newPassword", "confirmation");
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return VIEW;
    }

    @PostMapping
    String change(
            @ModelAttribute("form") PasswordChangeForm form,
            BindingResult result,
            Principal editor,
            RedirectAttributes redirect) {
        form.validate(result);
        if (!result.hasFieldErrors("currentPassword")
                && !accounts.isPassword(editor.getName(), form.getCurrentPassword())) {
            result.rejectValue("currentPassword", "account.password.current.wrong");
        }
        if (result.hasErrors()) {
            form.forgetPasswords();
            return VIEW;
        }
        accounts.changePassword(editor.getName(), form.getNewPassword());
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:" + PATH;
    }
}
