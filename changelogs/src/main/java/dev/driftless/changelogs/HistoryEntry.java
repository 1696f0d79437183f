package dev.driftless.changelogs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One applied changeset as {@code DATABASECHANGELOG} records it.
 *
 * @param appliedAt     when it was applied
 * @param executionTime how long it took; {@code null} when it was applied by something other than driftless
 * @param tag           the tag on it, or {@code null}
 * @param execType      Liquibase's EXECTYPE: EXECUTED, MARK_RAN (baseline, import), RERAN…
 * @param order         Liquibase's ORDEREXECUTED
 * @param appliedBy     the operating-system user driftless recorded applying it; {@code null} when unknown
 * @param reason        the {@code apply --reason} recorded with it, or {@code null}
 */
public record HistoryEntry(ChangesetRef changeset, Instant appliedAt, Duration executionTime, String tag,
                           String execType, int order, String comment, String appliedBy, String reason) {

    public HistoryEntry {
        Objects.requireNonNull(changeset, "changeset");
    }

    public HistoryEntry(ChangesetRef changeset, Instant appliedAt, Duration executionTime, String tag, String execType,
                        int order, String comment) {
        this(changeset, appliedAt, executionTime, tag, execType, order, comment, null, null);
    }
}
