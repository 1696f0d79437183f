package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.Reports;
import dev.driftless.changelogs.lint.ChangesetLint;
import dev.driftless.changelogs.lint.LockObserver;
import dev.driftless.changelogs.lint.StatementFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", mixinStandardHelpOptions = true, description = {
        "Classify changesets by what they can do to a live database: safe, caution (a lock that blocks reads or writes for a scan or rewrite, or a change that can fail on existing data) or danger (loses data).",
        "Lints the changesets the database has not applied yet, the given changelog files, or with --all the "
                + "whole changelog. Exits 1 on danger (and with --strict on caution or unknown statements), else 0. "
                + "Acknowledge a finding on purpose with a comment in its changeset: -- driftless:allow RULE (see "
                + "docs/lint.md)."})
public final class LintCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Changelog files to lint (formatted SQL, YAML or XML).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--all", description = "Lint every changeset of the changelog, applied or not (needs no database).")
    boolean all;

    @Option(names = "--strict", description = "Also fail on caution and on statements the linter does not recognise.")
    boolean strict;

    @Option(names = "--observe", description = "Also replay the changelog on the dev database (embedded, or --dev-url) and report the locks each statement really takes on existing tables (pg_locks) and the tables it really rewrites (relfilenode).")
    boolean observe;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    String format = "text";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: unknown output format '" + format + "' (use text or json)");
            return ExitCode.USAGE.code();
        }
        Config config = options.load(null, null);
        Driftless.LintResult result = new Driftless(config, Clock.systemUTC(), Progress.to(err)).lint(files, all, observe);
        boolean fails = result.report().fails(strict);
        if (format.equals("json")) {
            out.print(Reports.json(result, strict));
            return fails ? ExitCode.FAILURE.code() : ExitCode.OK.code();
        }
        print(out, result);
        return fails ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }

    private static void print(PrintWriter out, Driftless.LintResult result) {
        List<ChangesetLint> changesets = result.report().changesets();
        for (ChangesetLint changeset : changesets) {
            List<LockObserver.StatementObservation> observed = observedWork(result, changeset);
            if (changeset.notable().isEmpty() && observed.isEmpty()) {
                continue;
            }
            out.println(changeset.risk().label().toUpperCase(java.util.Locale.ROOT) + " " + changeset.changeset().location()
                    + " " + changeset.changeset().changeset().id());
            for (LockObserver.StatementObservation statement : observed) {
                out.println("  observed: " + statement.describe() + " — " + oneLine(statement.statement()));
            }
            for (StatementFinding finding : changeset.notable()) {
                out.println("  " + finding.finding().rule() + " (" + finding.finding().risk().label()
                        + (finding.acknowledged() ? ", acknowledged" : "") + "; " + finding.finding().lock() + " lock"
                        + (finding.finding().effect().label().equals("none") ? "" : ", " + finding.finding().effect().label())
                        + "): " + finding.finding().message());
            }
        }
        out.println("Linted " + changesets.size() + " changeset(s) (" + result.scope() + "): highest risk "
                + result.report().risk().label() + ".");
        if (result.observeFailure() != null) {
            out.println("The replay that observes locks stopped at " + result.observeFailure()
                    + "; changesets after it were not observed.");
        }
    }

    /** The statements of {@code changeset} that locked or rewrote an existing table, or whose locks could not be read. */
    private static List<LockObserver.StatementObservation> observedWork(Driftless.LintResult result, ChangesetLint changeset) {
        LockObserver.ChangesetObservation observation = result.observed().get(changeset.changeset().changeset());
        if (observation == null) {
            return List.of();
        }
        return observation.statements().stream()
                .filter(s -> !s.locks().isEmpty() || !s.rewritten().isEmpty() || !s.locksObserved()).toList();
    }

    private static String oneLine(String statement) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() <= 100 ? line : line.substring(0, 97) + "...";
    }
}
