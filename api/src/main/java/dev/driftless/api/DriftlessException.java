package dev.driftless.api;

/**
 * A failure the user can act on: the message says what is wrong and what to do; the exit code says how bad.
 * {@link SchemaDriftException} is the one kind that also carries findings.
 */
public class DriftlessException extends RuntimeException {

    private final ExitCode exitCode;

    /** The message is shown to users, so any credential in it is masked ({@link Secrets}). */
    public DriftlessException(ExitCode exitCode, String message) {
        super(Secrets.mask(message));
        this.exitCode = exitCode;
    }

    public DriftlessException(ExitCode exitCode, String message, Throwable cause) {
        super(Secrets.mask(message), cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
