package dev.driftless.changelogs;

import java.util.List;

/**
 * What {@link ChangelogRunner#apply(ApplyOptions, RunnerEvents)} did, or with {@code dryRun} would do.
 *
 * @param planned the changesets that were pending (and selected by contexts, labels and {@code --to}), in order
 * @param applied the changesets applied by this call, in the order they ran; empty for a dry run
 * @param dryRun  nothing was changed: {@code planned} holds the SQL that would run
 * @param tag     the tag set after applying, or {@code null}
 * @param notes   things worth telling the user (a stale lock released, an invalid index dropped)
 */
public record ApplyResult(List<PlannedChangeset> planned, List<ExecutedChangeset> applied, boolean dryRun, String tag,
                          List<String> notes) {

    public ApplyResult {
        planned = List.copyOf(planned);
        applied = List.copyOf(applied);
        notes = List.copyOf(notes);
    }

    /** True when nothing was pending. */
    public boolean upToDate() {
        return planned.isEmpty();
    }
}
