package dev.driftless.changelogs;

import java.util.List;

/**
 * What {@link ChangelogRunner#apply()} did.
 *
 * @param applied the changesets applied by this call, in the order they ran; empty when the database was up to date
 */
public record ApplyResult(List<ExecutedChangeset> applied) {

    public ApplyResult {
        applied = List.copyOf(applied);
    }

    /** True when nothing was pending. */
    public boolean upToDate() {
        return applied.isEmpty();
    }
}
