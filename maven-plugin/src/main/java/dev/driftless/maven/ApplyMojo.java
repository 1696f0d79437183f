package dev.driftless.maven;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.PlannedChangeset;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the pending changesets, in order, each in its own transaction with its record, as {@code driftless apply}
 * does: lints first and refuses a changeset that loses data unless acknowledged, backs up first when one is
 * destructive, and fails the build when a changeset fails.
 */
@Mojo(name = "apply", threadSafe = true)
public final class ApplyMojo extends DriftlessMojo {

    /** Log the exact SQL that would run, and change nothing. */
    @Parameter(property = "driftless.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Tag the database with this tag after applying (for rollback with toTag). */
    @Parameter(property = "driftless.tag")
    String tag;

    /** Stop after this changeset: ID, FILE::ID or FILE::ID::AUTHOR. */
    @Parameter(property = "driftless.to")
    String to;

    /** Back up before applying: always, destructive (default: when a pending changeset is destructive) or never. */
    @Parameter(property = "driftless.backup")
    String backup;

    /** Apply changesets that lose data although they carry no acknowledgement. */
    @Parameter(property = "driftless.allowDestructive", defaultValue = "false")
    boolean allowDestructive;

    /** Apply although an applied changeset is no longer in the changelog. */
    @Parameter(property = "driftless.ignoreMissing", defaultValue = "false")
    boolean ignoreMissing;

    @Override
    String goal() {
        return "apply";
    }

    @Override
    String backup() {
        return backup;
    }

    @Override
    void run() {
        Config config = config();
        ApplyOptions options = new ApplyOptions(contexts, labels, to, tag, dryRun, config.runner().lockTimeout(),
                ignoreMissing);
        Driftless.ApplyOutcome outcome = driftless(config).apply(options, events("applying"), allowDestructive);
        ApplyResult result = outcome.result();
        if (dryRun) {
            dryRun(result, outcome.target());
            return;
        }
        info(result.upToDate() ? "Nothing to apply: the database is up to date."
                : "Applied " + result.applied().size() + " changeset(s).");
        if (result.tag() != null) {
            info("Tagged the database " + result.tag() + ".");
        }
    }

    private void dryRun(ApplyResult result, String target) {
        if (result.upToDate()) {
            info("-- Dry run: nothing to apply, " + target + " is up to date.");
            return;
        }
        info("-- Dry run: the SQL " + result.planned().size() + " pending changeset(s) would run on " + target
                + ". Nothing was changed.");
        for (PlannedChangeset planned : result.planned()) {
            info("-- " + planned.changeset().file() + " :: " + planned.changeset().id()
                    + (planned.runInTransaction() ? "" : "  (outside a transaction)"));
            planned.sql().forEach(statement -> info(statement.strip().endsWith(";") ? statement : statement + ";"));
        }
    }
}
