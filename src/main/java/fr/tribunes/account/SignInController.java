package fr.tribunes.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security receives the form ({@code POST /connexion}, see {@link SecurityConfiguration});
 * after a failure, {@link SignInFailureHandler} sends the editor back here with what went wrong.
 */
@Controller
class SignInController {

    static final String PATH = "/connexion";

    static final String VIEW = "account/sign-in";

    @GetMapping(PATH)
    String signIn() {
        return VIEW;
    }
}
