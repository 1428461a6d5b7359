package fr.tribunes.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
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

    private final SignInThrottle throttle;

    private final SessionRegistry sessions;

    PasswordController(EditorAccounts accounts, SignInThrottle throttle, SessionRegistry sessions) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
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
            Authentication editor,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        form.validate(result, editor.getName());
        if (!result.hasFieldErrors("currentPassword")) {
            checkCurrentPassword(editor.getName(), form.getCurrentPassword(), request.getRemoteAddr(), result);
        }
        if (result.hasErrors()) {
            form.forgetPasswords();
            return VIEW;
        }
        accounts.changePassword(editor.getName(), form.getNewPassword());
        // Whoever else is signed in as this editor, on another device or having stolen the old password, is not any
        // more: their sessions end at their next request. This one stays.
        String current = request.getSession().getId();
        for (SessionInformation other : sessions.getAllSessions(editor.getPrincipal(), false)) {
            if (!other.getSessionId().equals(current)) {
                other.expireNow();
            }
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:" + PATH;
    }

    /** Checked as a sign-in is, throttled alike: a stolen session must not be a way to guess the password. */
    private void checkCurrentPassword(String username, String typed, String address, BindingResult result) {
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.reserve(username, address);
        } catch (SignInSuspendedException suspended) {
            result.rejectValue(
                    "currentPassword",
                    suspended.isDelay() ? "account.password.current.wait" : "account.password.current.suspended",
                    new Object[] {suspended.isDelay() ? suspended.seconds() : suspended.minutes()},
                    null);
            return;
        }
        if (accounts.isPassword(username, typed)) {
            attempt.succeeded();
        } else {
            attempt.failed();
            result.rejectValue("currentPassword", "account.password.current.wrong");
        }
    }
}
