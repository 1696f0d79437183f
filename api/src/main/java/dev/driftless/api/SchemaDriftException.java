package dev.driftless.api;

/**
 * The entities and the database differ: thrown by {@link Driftless#validate()}. The message is the report
 * {@code driftless validate} prints (each finding with the entity's file and line, without colours); the findings
 * themselves are in {@link #result()}.
 */
public final class SchemaDriftException extends DriftlessException {

    private final transient Gate.ValidateResult result;

    public SchemaDriftException(Gate.ValidateResult result) {
        super(ExitCode.FAILURE, Reports.text(result));
        this.result = result;
    }

    /** What validate found. */
    public Gate.ValidateResult result() {
        return result;
    }
}
