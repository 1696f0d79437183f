package dev.driftless.generator.entity;

/** The entity classes could not be read; the message says what to do. */
public final class EntityReadException extends RuntimeException {

    public EntityReadException(String message) {
        super(message);
    }

    public EntityReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
