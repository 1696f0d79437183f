package dev.driftless.changelogs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One apply attempt or rollback as driftless's history table records it. Unlike {@code DATABASECHANGELOG}, which
 * Liquibase rewrites (a rolled-back changeset's row is deleted), these rows are only ever added.
 *
 * @param number     the row's number, in the order written
 * @param kind       an apply attempt or a rollback
 * @param changeset  which changeset
 * @param startedAt  when its work started; {@code null} for rows from before driftless recorded it
 * @param took       how long it ran until it finished or failed
 * @param outcome    success or failure
 * @param error      the failure, one or two lines with credentials masked; {@code null} on success
 * @param version    the driftless version that ran it; {@code null} for rows from before driftless recorded it
 * @param osUser     the operating-system user who ran it; {@code null} as for {@code version}
 * @param reason     the {@code --reason} given, or {@code null}
 */
public record AuditEntry(long number, Kind kind, ChangesetRef changeset, Instant startedAt, Duration took,
                         Outcome outcome, String error, String version, String osUser, String reason) {

    public enum Kind { APPLY, ROLLBACK }

    public enum Outcome { SUCCESS, FAILED }

    public AuditEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(changeset, "changeset");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
