package dev.driftless.cli.command;

import dev.driftless.changelogs.ValidationResult;
import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate-changelog", mixinStandardHelpOptions = true, description = {
        "Check the changelog: its structure, that no changeset id is used twice, and that no applied changeset was edited since (checksums), and that every applied changeset is still in it (rows of another changelog's files in a shared history table are counted in one note).",
        "Exits 1 on any problem. Changes nothing."})
public final class ValidateChangelogCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        ValidationResult result = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).validateChangelog();
        if (json) {
            out.print(RunnerReports.validateChangelog(result));
            return result.ok() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        }
        result.notes().forEach(n -> out.println("note: " + n + "."));
        if (result.ok()) {
            out.println("The changelog is valid: " + result.changesets() + " changeset(s), " + result.applied() + " applied,"
                    + " none edited since.");
            return ExitCode.OK.code();
        }
        for (ValidationResult.Problem problem : result.problems()) {
            out.println(problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + problem.message());
        }
        out.println(result.problems().size() + " problem(s).");
        return ExitCode.FAILURE.code();
    }
}
