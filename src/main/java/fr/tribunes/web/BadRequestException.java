package fr.tribunes.web;

/** Something the visitor typed in the address cannot be understood; answered with the French 400 page. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String reason) {
        super(reason);
    }
}
