package dev.driftless.maven;

import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RollbackDates;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.changelogs.RollbackTarget;
import java.util.stream.Stream;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rolls back applied changesets with their rollback SQL, newest first, as {@code driftless rollback}: exactly one of
 * {@code count}, {@code toTag} or {@code toDate}. Refuses before touching anything when one in range has no rollback.
 */
@Mojo(name = "rollback", threadSafe = true)
public final class RollbackMojo extends DriftlessMojo {

    /** Roll back the last N changesets. */
    @Parameter(property = "driftless.count")
    Integer count;

    /** Roll back everything applied after the changeset tagged so. */
    @Parameter(property = "driftless.toTag")
    String toTag;

    /** Roll back everything applied after this date: 2026-11-21, 2026-11-21T14:30 (local time) or 2026-11-21T14:30:00Z. */
    @Parameter(property = "driftless.toDate")
    String toDate;

    /** Log the rollback SQL that would run, and change nothing. */
    @Parameter(property = "driftless.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    String goal() {
        return "rollback";
    }

    @Override
    void run() {
        RollbackTarget target = target();
        RollbackResult result = driftless(config()).rollback(target, dryRun, events("rolled back"));
        if (dryRun) {
            info("-- Dry run: the rollback SQL of " + result.planned().size() + " changeset(s), " + target.describe()
                    + ". Nothing was changed.");
            for (PlannedChangeset planned : result.planned()) {
                info("-- " + planned.changeset().file() + " :: " + planned.changeset().id());
                planned.sql().forEach(s -> info(s.strip().endsWith(";") ? s : s + ";"));
            }
            return;
        }
        info("Rolled back " + result.rolledBack().size() + " changeset(s).");
    }

    private RollbackTarget target() {
        long given = Stream.of(count, toTag, toDate).filter(v -> v != null).count();
        if (given != 1) {
            throw new DriftlessException(ExitCode.USAGE, "say how far to roll back with exactly one of -Ddriftless.count=N,"
                    + " -Ddriftless.toTag=TAG or -Ddriftless.toDate=DATE");
        }
        if (count != null) {
            if (count < 1) {
                throw new DriftlessException(ExitCode.USAGE, "driftless.count must be at least 1");
            }
            return new RollbackTarget.Count(count);
        }
        return toTag != null ? new RollbackTarget.ToTag(toTag) : new RollbackTarget.ToDate(RollbackDates.parse(toDate));
    }
}
