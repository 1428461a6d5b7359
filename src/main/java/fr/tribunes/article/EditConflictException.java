package fr.tribunes.article;

/** Someone else saved the op-ed since the editor opened it: their save is refused, nothing is overwritten. */
public class EditConflictException extends Exception {

    public EditConflictException() {
        super("The op-ed was saved by someone else in the meantime");
    }
}
