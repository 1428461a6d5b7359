package fr.tribunes.web;

/** Nothing is published at the requested address; answered with the French 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String reason) {
        super(reason);
    }
}
