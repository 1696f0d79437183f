package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.Reports;
import dev.driftless.changelogs.lint.ChangesetLint;
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
        "Classify changesets by what they can do to a live database: safe, caution (a lock that blocks reads or writes"
                + " for a scan or rewrite, or a change that can fail on existing data) or danger (loses data).",
        "Lints the changesets the database has not applied yet, the given changelog files, or with --all the whole"
                + " changelog. Exits 1 on danger (and with --strict on caution or unknown statements), else 0.",
        "Acknowledge a finding on purpose with a comment in its changeset: -- driftless:allow RULE (see docs/lint.md)."})
public final class LintCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Changelog files to lint (formatted SQL, YAML or XML).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--all", description = "Lint every changeset of the changelog, applied or not (needs no database).")
    boolean all;

    @Option(names = "--strict", description = "Also fail on caution and on statements the linter does not recognise.")
    boolean strict;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    String format = "text";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: --format must be text or json, not '" + format + "'");
            return ExitCode.USAGE.code();
        }
        Config config = options.load(null, null);
        Driftless.LintResult result = new Driftless(config, Clock.systemUTC(), Progress.to(err)).lint(files, all);
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
            if (changeset.notable().isEmpty()) {
                continue;
            }
            out.println(changeset.risk().label().toUpperCase(java.util.Locale.ROOT) + " " + changeset.changeset().location()
                    + " " + changeset.changeset().changeset().id());
            for (StatementFinding finding : changeset.notable()) {
                out.println("  " + finding.finding().rule() + " (" + finding.finding().risk().label()
                        + (finding.acknowledged() ? ", acknowledged" : "") + "; " + finding.finding().lock() + " lock"
                        + (finding.finding().effect().label().equals("none") ? "" : ", " + finding.finding().effect().label())
                        + "): " + finding.finding().message());
            }
        }
        out.println("Linted " + changesets.size() + " changeset(s) (" + result.scope() + "): highest risk "
                + result.report().risk().label() + ".");
    }
}
