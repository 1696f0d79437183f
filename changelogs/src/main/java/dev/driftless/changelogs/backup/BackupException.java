package dev.driftless.changelogs.backup;

/** A backup or restore could not be made; the message is one line that says how to fix it. */
public final class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
