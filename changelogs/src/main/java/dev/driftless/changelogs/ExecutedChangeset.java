package dev.driftless.changelogs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A changeset that was applied or rolled back by one {@link ChangelogRunner} call.
 *
 * @param changeset     which changeset
 * @param executionTime how long its SQL took (including its transaction's commit)
 * @param sql           the statements Liquibase reports it sent, in order
 */
public record ExecutedChangeset(ChangesetRef changeset, Duration executionTime, List<String> sql) {

    public ExecutedChangeset {
        Objects.requireNonNull(changeset, "changeset");
        Objects.requireNonNull(executionTime, "executionTime");
        sql = List.copyOf(sql);
    }

    public ExecutedChangeset(ChangesetRef changeset, Duration executionTime) {
        this(changeset, executionTime, List.of());
    }
}
