package fr.tribunes.account;

/** Another editor already signs in with this username. */
class UsernameTakenException extends RuntimeException {

    UsernameTakenException(String username) {
        super("The username " + username + " is taken");
    }
}
