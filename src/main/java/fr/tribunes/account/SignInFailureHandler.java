package fr.tribunes.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed sign-in, back to the sign-in page (redirect after POST) with what went wrong and the username typed
 * in its address ({@link SignInController} reads them), so that nothing is kept on the server for someone who has not
 * signed in. The message never says whether the account exists.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason;
        if (failure instanceof SignInSuspendedException suspended && suspended.isDelay()) {
            reason = SignInController.WAIT + "=" + suspended.seconds();
        } else if (failure instanceof SignInSuspendedException suspended) {
            reason = SignInController.SUSPENDED + "=" + suspended.minutes();
        } else if (failure instanceof BadCredentialsException) {
            reason = SignInController.FAILED;
        } else {
            // The database did not answer, say: nothing the editor typed is known to be wrong.
            reason = SignInController.ERROR;
        }
        String username = request.getParameter("username");
        String typed = username != null && !username.isBlank() && username.length() <= AccountRules.MAX_USERNAME_LENGTH
                ? "&" + SignInController.USERNAME + "=" + URLEncoder.encode(username.strip(), StandardCharsets.UTF_8)
                : "";
        response.sendRedirect(request.getContextPath() + SignInController.PATH + "?" + reason + typed);
    }
}
