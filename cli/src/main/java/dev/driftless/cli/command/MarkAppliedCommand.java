package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.changelogs.ChangesetRef;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mark-applied", mixinStandardHelpOptions = true, description = {
        "Record one pending changeset as applied without running it, for a changeset whose work is already in the database (a CREATE INDEX CONCURRENTLY killed after it finished, before it was recorded).",
        "The schema is not changed: check first that the database really holds what the changeset makes."})
public final class MarkAppliedCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "CHANGESET", description = "ID, FILE::ID or FILE::ID::AUTHOR (as status names it).")
    String changeset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ChangesetRef marked = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).markApplied(changeset);
        spec.commandLine().getOut().println("Recorded " + marked.file() + " :: " + marked.id()
                + " as applied without running it.");
        return ExitCode.OK.code();
    }
}
