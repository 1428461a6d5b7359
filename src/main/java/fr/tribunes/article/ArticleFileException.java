package fr.tribunes.article;

/** An import file refused as a whole: which file, which line, and why, in French for the editor. */
public class ArticleFileException extends Exception {

    private final String file;

    private final int line;

    private final String reason;

    public ArticleFileException(String file, int line, String reason) {
        super(file + ", ligne " + line + " : " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The line the problem is on, counting from 1. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
