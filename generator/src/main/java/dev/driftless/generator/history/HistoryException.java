package dev.driftless.generator.history;

/** The source history cannot be read as asked: no such revision, git failing. The message says what to do. */
public final class HistoryException extends RuntimeException {

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
