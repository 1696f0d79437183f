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

@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {
        "Tag the database's current state (its most recently applied changeset), for rollback --to-tag."})
public final class TagCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "TAG", description = "The tag, e.g. a release version.")
    String tag;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Driftless.TagResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).tag(tag);
        spec.commandLine().getOut().println("Tagged " + result.changeset().file() + " :: " + result.changeset().id()
                + " as " + result.tag() + ".");
        return ExitCode.OK.code();
    }
}
