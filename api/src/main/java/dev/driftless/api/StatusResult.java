package dev.driftless.api;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.MissingChangesets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Driftless#status()} found on the target: every changeset of the changelog in order, applied (when, with
 * which tag) or pending, and the applied ones the changelog no longer has.
 *
 * @param changesets the changelog's changesets, in order; empty before the first {@code diff}
 * @param missing    applied changesets no longer in the changelog, and rows of another changelog in the same table
 * @param target     the database, described without its password
 */
public record StatusResult(List<ChangesetStatus> changesets, MissingChangesets missing, String target) {

    public StatusResult {
        changesets = List.copyOf(changesets);
        missing = missing == null ? MissingChangesets.NONE : missing;
    }

    /** The changesets {@code apply} would run, in order. */
    public List<ChangesetRef> pending() {
        return changesets.stream().filter(ChangesetStatus::pending).map(ChangesetStatus::changeset).toList();
    }

    /** The changesets the target records as applied, in changelog order. */
    public List<ChangesetRef> applied() {
        return changesets.stream().filter(ChangesetStatus::applied).map(ChangesetStatus::changeset).toList();
    }

    /** Nothing pending and nothing missing: the target is where the changelog says it should be. */
    public boolean upToDate() {
        return pending().isEmpty() && missing.missing().isEmpty();
    }

    /**
     * The report as the CLI and the Maven plugin print it: a line per changeset, then the missing ones and the summary.
     *
     * @param changelogDirectory named when the history holds rows of another changelog
     * @param missingAdvice      what the summary says can be done about missing changesets (or empty)
     */
    public List<String> lines(Path changelogDirectory, String missingAdvice) {
        List<String> lines = new ArrayList<>();
        for (ChangesetStatus s : changesets) {
            lines.add((s.applied() ? "applied  " : "pending  ") + s.changeset().file() + " :: " + s.changeset().id()
                    + (s.applied() && s.appliedAt() != null ? "  (" + s.appliedAt() + ")" : "")
                    + (s.tag() != null ? "  [tag " + s.tag() + "]" : "")
                    + (s.reapplied() ? "  (rolled back before, applied again)" : ""));
        }
        missing.missing().forEach(m -> lines.add("missing  " + m.file() + " :: " + m.id()
                + "  (applied, no longer in the changelog)"));
        String others = missing.describeOtherChangelogs(changelogDirectory);
        if (!others.isEmpty()) {
            lines.add(others + ".");
        }
        int pending = pending().size();
        lines.add((changesets.size() - pending) + " applied, " + pending + " pending"
                + (missing.missing().isEmpty() ? "." : ", " + missing.missing().size() + " missing"
                + (missingAdvice.isEmpty() ? "." : " (" + missingAdvice + ").")));
        return lines;
    }
}
