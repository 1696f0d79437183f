package dev.driftless.cli.command;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true, description = {
        "Apply the pending changesets to the database, in order, each in its own transaction with its record.",
        "A failing changeset leaves the database as it was before it and exits 1. Refuses to start when an "
                + "applied changeset was edited. Backs up first when a pending changeset is destructive (see --backup)."})
public final class ApplyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    RunnerOptions runner;

    @Option(names = "--dry-run", description = "Print the exact SQL that would run, and change nothing.")
    boolean dryRun;

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag the database with TAG after applying (for rollback --to-tag).")
    String tag;

    @Option(names = "--contexts", paramLabel = "EXPRESSION", description = "Only changesets of these Liquibase contexts (e.g. prod); default: 'contexts' in driftless.yaml.")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION", description = "Only changesets with these Liquibase labels; default: 'labels' in driftless.yaml.")
    String labels;

    @Option(names = "--to", paramLabel = "CHANGESET", description = "Stop after this changeset: ID, FILE::ID or FILE::ID::AUTHOR.")
    String to;

    @Option(names = "--backup", paramLabel = "always|destructive|never",
            description = "Back up before applying: always, only when a pending changeset is destructive (default), or never.")
    String backup;

    @Option(names = "--allow-destructive", description = "Apply changesets that lose data (a dropped table or column,"
            + " a TRUNCATE) although they carry no acknowledgement; without it apply refuses them before it changes anything.")
    boolean allowDestructive;

    @Option(names = "--ignore-missing", description = "Apply although an applied changeset is no longer in the changelog"
            + " (validate-changelog lists them); without it apply refuses before it changes anything.")
    boolean ignoreMissing;

    @Option(names = "--pg-dump", paramLabel = "PATH", description = "The pg_dump to back up a server with (default: found on PATH).")
    Path pgDump;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why this apply runs (a ticket, a release);"
            + " recorded with each attempt in driftless history.")
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
        Config config = options.load(null, null, backup, pgDump, runner.lockTimeout).withFilter(contexts, labels);
        ApplyOptions applyOptions = new ApplyOptions(contexts, labels, to, tag, dryRun, config.runner().lockTimeout(),
                ignoreMissing).withReason(reason);
        boolean terminal = Progress.onTerminal();
        Driftless.ApplyOutcome outcome;
        try (Progress.Changesets progress = Progress.changesets(err, "applying", terminal);
             Interruption interruption = Interruption.around(progress, err)) {
            try {
                outcome = new Driftless(config, Clock.systemUTC(), Progress.to(err)).apply(applyOptions, interruption,
                        allowDestructive);
            } catch (RuntimeException e) {
                return interruption.exitAfter(e, "applied");
            }
        }
        ApplyResult result = outcome.result();
        if (json) {
            out.print(RunnerReports.apply(outcome));
            return ExitCode.OK.code();
        }
        if (dryRun) {
            printDryRun(out, result, outcome.target());
            return ExitCode.OK.code();
        }
        if (result.upToDate()) {
            out.println("Nothing to apply: the database is up to date.");
        } else {
            if (!terminal) {
                // On a terminal the progress line of each changeset already showed it with its time.
                result.applied().forEach(c -> out.println("applied " + c.changeset().file() + " :: "
                        + c.changeset().id() + " (" + c.executionTime().toMillis() + " ms)"));
            }
            out.println("Applied " + result.applied().size() + " changeset(s).");
        }
        if (result.tag() != null) {
            out.println("Tagged the database " + result.tag() + ".");
        }
        return ExitCode.OK.code();
    }

    private static void printDryRun(PrintWriter out, ApplyResult result, String target) {
        if (result.upToDate()) {
            out.println("-- Dry run: nothing to apply, " + target + " is up to date.");
            return;
        }
        out.println("-- Dry run: the SQL " + result.planned().size() + " pending changeset(s) would run on " + target
                + ". Nothing was changed.");
        int n = 0;
        for (PlannedChangeset planned : result.planned()) {
            n++;
            out.println();
            out.println("-- [" + n + "/" + result.planned().size() + "] " + planned.changeset().file() + " :: "
                    + planned.changeset().id() + (planned.runInTransaction() ? "" : "  (outside a transaction)"));
            if (!planned.comment().isEmpty()) {
                out.println("-- " + planned.comment());
            }
            planned.sql().forEach(statement -> out.println(statement.strip().endsWith(";") ? statement : statement + ";"));
        }
        if (result.tag() != null) {
            out.println();
            out.println("-- then tag the database " + result.tag());
        }
    }
}
