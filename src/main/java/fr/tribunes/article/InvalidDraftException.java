package fr.tribunes.article;

import java.util.Map;

/** A draft refused: for each field at fault, what is wrong, in French, ready to show beside it. */
public class InvalidDraftException extends Exception {

    private final Map<String, String> errors;

    public InvalidDraftException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    /** Field (as named in {@link ArticleDraft}, plus {@code reason}) → message. */
    public Map<String, String> errors() {
        return errors;
    }
}
