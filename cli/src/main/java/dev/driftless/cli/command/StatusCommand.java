package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import dev.driftless.api.StatusResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "List the changesets in the changelogs: which are applied and which are pending."})
public final class StatusCommand implements Callable<Integer> {

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
        Driftless driftless = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(), Progress.to(spec.commandLine().getErr()));
        StatusResult status = driftless.status();
        if (json) {
            out.print(RunnerReports.status(status.changesets(), status.missing()));
            return ExitCode.OK.code();
        }
        if (status.changesets().isEmpty()) {
            out.println("No changesets yet: run driftless diff to generate the first changelog.");
            return ExitCode.OK.code();
        }
        status.lines(driftless.changelogDirectory(), "apply refuses until they are back, or with --ignore-missing")
                .forEach(out::println);
        return ExitCode.OK.code();
    }
}
