package fr.tribunes.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors' accounts: who they are, adding one, and changing a password. Passwords are hashed here and only here. */
@Service
class EditorAccounts {

    private final EditorRepository editors;

    private final PasswordEncoder passwords;

    private final Clock clock;

    EditorAccounts(EditorRepository editors, PasswordEncoder passwords, Clock clock) {
        this.editors = editors;
        this.passwords = passwords;
        this.clock = clock;
    }

    List<EditorView> list() {
        return editors.findAllByOrderByUsernameAsc().stream()
                .map(EditorView::of)
                .toList();
    }

    boolean anyExists() {
        return editors.count() > 0;
    }

    boolean isTaken(String username) {
        return editors.existsByUsername(username);
    }

    /**
     * Adds an editor, who may sign in at once.
     *
     * @param addedBy the editor adding this one, or null for the first editor
     * @throws UsernameTakenException when the username is taken, even by an editor added a moment ago
     */
    void add(String username, String password, String addedBy) {
        try {
            editors.save(new Editor(username, passwords.encode(password), clock.instant(), addedBy));
        } catch (DataIntegrityViolationException e) {
            throw new UsernameTakenException(username);
        }
    }

    /** Whether this is the editor's password. */
    boolean isPassword(String username, String password) {
        return editors.findByUsername(username)
                .map(editor -> passwords.matches(password, editor.passwordHash()))
                .orElse(false);
    }

    /**
     * Disables an editor, or enables them again. Nobody disables themselves: there is always an editor left who
     * can sign in.
     *
     * @return false when there is no such editor, or it is the one asking
     */
    @Transactional
    boolean setDisabled(String username, boolean disabled, String by) {
        if (username.equals(by)) {
            return false;
        }
        Optional<Editor> found = editors.findByUsername(username);
        found.ifPresent(editor -> {
            if (disabled && !editor.disabled()) {
                editor.disable(clock.instant(), by);
            } else if (!disabled) {
                editor.enable();
            }
        });
        return found.isPresent();
    }

    @Transactional
    void changePassword(String username, String newPassword) {
        Editor editor =
                editors.findByUsername(username).orElseThrow(() -> new IllegalStateException("No editor " + username));
        editor.changePasswordHash(passwords.encode(newPassword));
    }
}
