package fr.tribunes.account;

import org.springframework.validation.Errors;

/** The form adding an editor. */
class NewEditorForm {

    private String username = "";

    private String password = "";

    private String confirmation = "";

    /** Checks what can be checked without the database; the controller adds whether the username is taken. */
    void validate(Errors errors) {
        if (username.isEmpty()) {
            errors.rejectValue("username", "account.username.required");
        } else if (!AccountRules.isValidUsername(username)) {
            errors.rejectValue("username", "account.username.invalid");
        }
        PasswordChangeForm.validateNewPassword(password, confirmation, username, "password", errors);
    }

    /** Passwords are never sent back to the browser, not even to show a form again. */
    void forgetPasswords() {
        password = "";
        confirmation = "";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation == null ? "" : confirmation;
    }
}
