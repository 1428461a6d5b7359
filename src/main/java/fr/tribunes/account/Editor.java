package fr.tribunes.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** Someone who may sign in to the administration. Only the hash of the password is kept. */
@Entity
class Editor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    private Instant createdAt;

    private String createdBy;

    private Instant disabledAt;

    private String disabledBy;

    protected Editor() {}

    /**
     * @param createdBy the editor who added this one, or null for the first editor, created at start-up
     */
    Editor(String username, String passwordHash, Instant createdAt, String createdBy) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    /** When the editor was disabled, or null while they may sign in. */
    Instant disabledAt() {
        return disabledAt;
    }

    String disabledBy() {
        return disabledBy;
    }

    boolean disabled() {
        return disabledAt != null;
    }

    void disable(Instant when, String by) {
        this.disabledAt = when;
        this.disabledBy = by;
    }

    void enable() {
        this.disabledAt = null;
        this.disabledBy = null;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
