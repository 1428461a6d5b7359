package fr.tribunes.account;

import org.springframework.validation.Errors;

/** The form with which an editor changes their own password. */
class PasswordChangeForm {

    private String currentPassword = "";

    private String newPassword = "";

    private String confirmation = "";

    /** Checks the new password of this editor; the controller checks the current one. */
    void validate(Errors errors, String username) {
        if (currentPassword.isEmpty()) {
            errors.rejectValue("currentPassword", "account.password.current.required");
        }
        validateNewPassword(newPassword, confirmation, username, "newPassword", errors);
        if (!errors.hasFieldErrors("newPassword") && newPassword.equals(currentPassword)) {
            errors.rejectValue("newPassword", "account.password.unchanged");
        }
    }

    static void validateNewPassword(
            String password, String confirmation, String username, String field, Errors errors) {
        if (AccountRules.isTooShort(password)) {
            errors.rejectValue(
                    field, "account.password.too-short", new Object[] {AccountRules.MIN_PASSWORD_LENGTH}, null);
        } else if (AccountRules.isTooLong(password)) {
            errors.rejectValue(
                    field, "account.password.too-long", new Object[] {AccountRules.MAX_PASSWORD_BYTES}, null);
        } else if (AccountRules.isGuessable(password, username)) {
            errors.rejectValue(field, "account.password.guessable");
        } else if (!password.equals(confirmation)) {
            errors.rejectValue("confirmation", "account.password.confirmation");
        }
    }

    void forgetPasswords() {
        currentPassword = "";
        newPassword = "";
        confirmation = "";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword == null ? "" : currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword == null ? "" : newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation == null ? "" : confirmation;
    }
}
