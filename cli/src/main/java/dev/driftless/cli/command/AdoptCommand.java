package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true, description = {
        "Adopt the project's existing changelog (a Liquibase project's own history): append the adoption point after its changesets, so check replays them and proves rollbacks only for the changesets after it.",
        "Records the adoption point as applied when nothing before it is pending on the target."})
public final class AdoptCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Driftless.AdoptResult result = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).adopt();
        out.println("Added the adoption point after the changelog's " + result.adopted() + " changeset(s): driftless check"
                + " proves rollbacks only for the changesets after it.");
        out.println(result.marked() ? "Recorded it as applied."
                : result.pending().size() + " changeset(s) before it are pending on the target: driftless apply runs them, then it.");
        return ExitCode.OK.code();
    }
}
