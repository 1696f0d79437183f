package dev.driftless.cli.command;

import dev.driftless.changelogs.ApplyResult;
import dev.driftless.cli.Driftless;
import dev.driftless.cli.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply the pending changesets to the database, in order, each in its own transaction.")
public final class ApplyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApplyResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).apply();
        if (result.applied().isEmpty()) {
            out.println("Nothing to apply: the database is up to date.");
            return ExitCode.OK.code();
        }
        result.applied().forEach(c -> out.println("applied " + c.changeset().file() + " :: " + c.changeset().id()
                + " (" + c.executionTime().toMillis() + " ms)"));
        out.println("Applied " + result.applied().size() + " changeset(s).");
        return ExitCode.OK.code();
    }
}
