package dev.driftless.cli.command;

import dev.driftless.changelogs.RollbackResult;
import dev.driftless.cli.Driftless;
import dev.driftless.cli.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Roll back the most recently applied changesets with their rollback SQL.")
public final class RollbackCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many changesets to roll back.")
    int count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1) {
            spec.commandLine().getErr().println("error: --count must be at least 1");
            return ExitCode.USAGE.code();
        }
        RollbackResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).rollback(count);
        result.rolledBack().forEach(c -> out.println("rolled back " + c.changeset().file() + " :: " + c.changeset().id()));
        out.println("Rolled back " + result.rolledBack().size() + " changeset(s).");
        return ExitCode.OK.code();
    }
}
