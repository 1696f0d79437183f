package dev.driftless.changelogs;

import java.util.List;

/**
 * What {@link ChangelogRunner#rollback(RollbackTarget, boolean)} did, or with {@code dryRun} would do.
 *
 * @param planned    the changesets in range, most recently applied first, with their rollback SQL
 * @param rolledBack the changesets rolled back, in the order they were undone; empty for a dry run
 */
public record RollbackResult(List<PlannedChangeset> planned, List<ExecutedChangeset> rolledBack, boolean dryRun) {

    public RollbackResult {
        planned = List.copyOf(planned);
        rolledBack = List.copyOf(rolledBack);
    }
}
