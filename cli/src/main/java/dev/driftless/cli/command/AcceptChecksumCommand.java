package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "accept-checksum", mixinStandardHelpOptions = true, description = {
        "Acknowledge a deliberate edit of an applied changeset: record its current text's checksum (like Flyway's repair).",
        "The schema is not changed: make sure the database already matches the edited changeset."})
public final class AcceptChecksumCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "CHANGESET", description = "ID, FILE::ID or FILE::ID::AUTHOR (as validate-changelog names it).")
    String changeset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Driftless.AcceptChecksumResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).acceptChecksum(changeset);
        spec.commandLine().getOut().println("Accepted the current text of " + result.changeset().file() + " :: "
                + result.changeset().id() + ".");
        return ExitCode.OK.code();
    }
}
