package fr.tribunes.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a failed sign-in, back to the sign-in page (redirect after POST) with what went wrong and the username
 * typed, as flash attributes. The message never says whether the account exists.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final FlashMapManager flash = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        FlashMap attributes = new FlashMap();
        String username = request.getParameter("username");
        if (username != null && username.length() <= AccountRules.MAX_USERNAME_LENGTH) {
            attributes.put("username", username.strip());
        }
        if (failure instanceof SignInSuspendedException suspended) {
            attributes.put("suspendedMinutes", suspended.minutes());
        } else if (failure instanceof BadCredentialsException) {
            attributes.put("signInFailed", true);
        } else {
            // The database did not answer, say: nothing the editor typed is known to be wrong.
            attributes.put("signInError", true);
        }
        attributes.setTargetRequestPath(SignInController.PATH);
        flash.saveOutputFlashMap(attributes, request, response);
        response.sendRedirect(request.getContextPath() + SignInController.PATH);
    }
}
