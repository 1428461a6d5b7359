package fr.tribunes.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security receives the form ({@code POST /connexion}, see {@link SecurityConfiguration});
 * after a failure, {@link SignInFailureHandler} sends the editor back here with what went wrong in the address
 * ({@code ?echec}, {@code ?suspendu=15}, {@code ?attente=8}, {@code ?erreur}) and the username typed
 * ({@code &identifiant=…}). Whoever types such an address only misleads themselves; a value that is not a small
 * number is ignored.
 */
@Controller
class SignInController {

    static final String PATH = "/connexion";

    static final String VIEW = "account/sign-in";

    static final String FAILED = "echec";

    static final String SUSPENDED = "suspendu";

    static final String WAIT = "attente";

    static final String ERROR = "erreur";

    static final String USERNAME = "identifiant";

    /** A session ended elsewhere: the password changed, or a sixth session began. */
    static final String ENDED = "fin";

    @GetMapping(PATH)
    String signIn(
            @RequestParam(name = FAILED, required = false) String failed,
            @RequestParam(name = SUSPENDED, required = false) String minutes,
            @RequestParam(name = WAIT, required = false) String seconds,
            @RequestParam(name = ERROR, required = false) String error,
            @RequestParam(name = USERNAME, required = false) String username,
            @RequestParam(name = ENDED, required = false) String ended,
            Model model) {
        if (ended != null) {
            model.addAttribute("sessionEnded", true);
        }
        if (failed != null) {
            model.addAttribute("signInFailed", true);
        }
        if (smallNumber(minutes)) {
            model.addAttribute("suspendedMinutes", Integer.valueOf(minutes));
        } else if (smallNumber(seconds)) {
            model.addAttribute("suspendedSeconds", Integer.valueOf(seconds));
        }
        if (error != null) {
            model.addAttribute("signInError", true);
        }
        if (username != null && !username.isBlank() && username.length() <= AccountRules.MAX_USERNAME_LENGTH) {
            model.addAttribute("username", username.strip());
        }
        return VIEW;
    }

    private static boolean smallNumber(String value) {
        return value != null && value.matches("[1-9][0-9]{0,3}");
    }
}
