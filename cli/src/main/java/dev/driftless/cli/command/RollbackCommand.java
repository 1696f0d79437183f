package dev.driftless.cli.command;

import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.changelogs.RollbackTarget;
import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RollbackDates;
import dev.driftless.api.RunnerReports;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true, description = {
        "Roll back applied changesets with their rollback SQL, newest first, each in its own transaction.",
        "Refuses before touching anything when a changeset in range has no rollback, and names it."})
public final class RollbackCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    RunnerOptions runner;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Range range;

    static final class Range {
        @Option(names = "--count", paramLabel = "N", description = "Roll back the last N changesets.")
        Integer count;

        @Option(names = "--to-tag", paramLabel = "TAG", description = "Roll back everything applied after the changeset tagged TAG.")
        String tag;

        @Option(names = "--to-date", paramLabel = "DATE",
                description = "Roll back everything applied after DATE: 2026-11-21, 2026-11-21T14:30 (local time) or 2026-11-21T14:30:00Z.")
        String date;
    }

    @Option(names = "--dry-run", description = "Print the rollback SQL that would run, and change nothing.")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why this rollback runs; recorded with each"
            + " rolled-back changeset, with who ran it, in driftless history --rollbacks.")
    String reason;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = output.json();
        RollbackTarget target = target();
        Config config = options.load(null, null, null, null, runner.lockTimeout);
        boolean terminal = Progress.onTerminal();
        RollbackResult result;
        try (Progress.Changesets progress = Progress.changesets(err, "rolling back", terminal);
             Interruption interruption = Interruption.around(progress, err)) {
            try {
                result = new Driftless(config, Clock.systemUTC(), Progress.to(err)).rollback(target, dryRun,
                        interruption, reason);
            } catch (RuntimeException e) {
                return interruption.exitAfter(e, "rolled back");
            }
        }
        if (json) {
            out.print(RunnerReports.rollback(result));
            return ExitCode.OK.code();
        }
        if (dryRun) {
            out.println("-- Dry run: the rollback SQL of " + result.planned().size() + " changeset(s), " + target.describe()
                    + ". Nothing was changed.");
            for (PlannedChangeset planned : result.planned()) {
                out.println();
                out.println("-- " + planned.changeset().file() + " :: " + planned.changeset().id());
                planned.sql().forEach(s -> out.println(s.strip().endsWith(";") ? s : s + ";"));
            }
            return ExitCode.OK.code();
        }
        if (!terminal) {
            // On a terminal the progress line of each changeset already showed it.
            result.rolledBack().forEach(c -> out.println("rolled back " + c.changeset().file() + " :: "
                    + c.changeset().id()));
        }
        out.println("Rolled back " + result.rolledBack().size() + " changeset(s).");
        return ExitCode.OK.code();
    }

    private RollbackTarget target() {
        if (range.count != null) {
            if (range.count < 1) {
                throw new DriftlessException(ExitCode.USAGE, "--count must be at least 1");
            }
            return new RollbackTarget.Count(range.count);
        }
        if (range.tag != null) {
            return new RollbackTarget.ToTag(range.tag);
        }
        return new RollbackTarget.ToDate(RollbackDates.parse(range.date));
    }
}
