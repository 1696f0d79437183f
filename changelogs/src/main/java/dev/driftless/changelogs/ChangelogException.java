package dev.driftless.changelogs;

import java.util.Optional;

/**
 * Applying, rolling back or reading the status of a changelog failed.
 *
 * <p>The message is short and meant for people: it names the changelog file, the changeset id and the database's
 * own error message where there is one. The Liquibase exception (and below it the JDBC one) is kept as the
 * {@linkplain #getCause() cause} for verbose output.
 */
public class ChangelogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ChangesetRef changeset;

    public ChangelogException(String message) {
        this(message, null, null);
    }

    public ChangelogException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ChangelogException(String message, ChangesetRef changeset, Throwable cause) {
        super(message, cause);
        this.changeset = changeset;
    }

    /** The changeset the failure is about, when it is about one. */
    public Optional<ChangesetRef> changeset() {
        return Optional.ofNullable(changeset);
    }
}
