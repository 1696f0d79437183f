package dev.driftless.generator.render;

/** A changelog that is not written because a change in it could smuggle SQL into it; the message names the object. */
public final class UnsafeChangelogException extends IllegalArgumentException {

    public UnsafeChangelogException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnsafeChangelogException(String message) {
        super(message);
    }
}
