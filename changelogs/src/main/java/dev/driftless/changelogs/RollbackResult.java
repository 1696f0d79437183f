package dev.driftless.changelogs;

import java.util.List;

/**
 * What {@link ChangelogRunner#rollback(int)} did.
 *
 * @param rolledBack the changesets rolled back, in the order they were undone (most recently applied first)
 */
public record RollbackResult(List<ExecutedChangeset> rolledBack) {

    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }
}
