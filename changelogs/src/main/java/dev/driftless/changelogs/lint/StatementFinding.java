package dev.driftless.changelogs.lint;

import java.util.Objects;

/**
 * A finding about one statement of a changeset.
 *
 * @param statement    the statement as it will be sent
 * @param acknowledged the changeset carries {@code driftless:allow} for this rule (or {@code all})
 */
public record StatementFinding(String statement, Finding finding, boolean acknowledged) {

    public StatementFinding {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(finding, "finding");
    }

    /** The risk that counts: an acknowledged finding no longer blocks anything. */
    public Risk effectiveRisk() {
        return acknowledged ? Risk.SAFE : finding.risk();
    }
}
