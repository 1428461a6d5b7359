package fr.tribunes.comment;

/**
 * The comment form as sent: what the reader typed, the signed token, and the field people leave empty. Bound
 * field by field (see {@link CommentController}); never an entity.
 */
class CommentForm {

    /** The field hidden from people: only scripts fill it. Named like something a script would want to fill. */
    static final String TRAP = "subject";

    private String comment;

    private String name;

    private String email;

    private String website;

    private String token;

    private String subject;

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    boolean trapFilled() {
        return subject != null && !subject.isEmpty();
    }
}
