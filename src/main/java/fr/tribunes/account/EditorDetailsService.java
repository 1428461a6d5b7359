package fr.tribunes.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of the editors: each may sign in, with the role {@code EDITOR}. Deliberately not a bean:
 * Spring Security would build from it a second way of checking passwords, without the throttle
 * ({@link SecurityConfiguration#signIn}).
 */
class EditorDetailsService implements UserDetailsService {

    static final String ROLE = "EDITOR";

    private final EditorRepository editors;

    EditorDetailsService(EditorRepository editors) {
        this.editors = editors;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return editors.findByUsername(AccountRules.normaliseUsername(username))
                // A disabled editor is refused as an unknown one: the page says nothing of the account.
                .filter(editor -> !editor.disabled())
                .map(editor -> User.withUsername(editor.username())
                        .password(editor.passwordHash())
                        .roles(ROLE)
                        .build())
                // Never shown: the sign-in page says the same thing whether the account exists or not.
                .orElseThrow(() -> new UsernameNotFoundException("No such editor"));
    }
}
