package dev.driftless.changelogs;

import java.time.Duration;
import java.util.Objects;

/**
 * A changeset that was applied or rolled back by one {@link ChangelogRunner} call.
 *
 * @param changeset     which changeset
 * @param executionTime how long its SQL took (including its transaction's commit)
 */
public record ExecutedChangeset(ChangesetRef changeset, Duration executionTime) {

    public ExecutedChangeset {
        Objects.requireNonNull(changeset, "changeset");
        Objects.requireNonNull(executionTime, "executionTime");
    }
}
