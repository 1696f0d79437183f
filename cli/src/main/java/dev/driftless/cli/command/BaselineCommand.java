package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", mixinStandardHelpOptions = true, description = {
        "Adopt an existing database built by hand or by an init script: write a changelog that describes its current schema and record it as applied without running it, so later diffs are incremental."})
public final class BaselineCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--name", paramLabel = "TEXT", description = "Name for the changelog file (default: baseline).")
    String name;

    @Option(names = "--format", paramLabel = "sql|yaml", description = "Changelog format (default: sql).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Driftless.BaselineResult result = new Driftless(options.load(format, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).baseline(name);
        out.println("Wrote " + result.written().file() + " with " + result.written().changeSets().size()
                + " changeset(s) describing " + result.target() + ",");
        out.println("and recorded them as applied without running them. From now on driftless diff writes only what changes.");
        if (!result.history().isEmpty()) {
            out.println("The database's own history (" + result.history().describe() + ") stays as it is, before the"
                    + " adoption point.");
        }
        return ExitCode.OK.code();
    }
}
