package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.ExitCode;
import dev.driftless.generator.render.ChangelogWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true, description = {
        "Write an empty formatted-SQL changeset for a change the entities cannot express (a data migration, a backfill), named and included in the master like a generated one.",
        "Fill in its SQL and its rollback: check and rollback refuse it until the rollback is written."})
public final class NewCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "NAME", description = "What the change does, e.g. \"backfill sharpe ratio\".")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (name.isBlank()) {
            spec.commandLine().getErr().println("error: give the change a name, e.g. driftless new \"backfill sharpe ratio\"");
            return ExitCode.USAGE.code();
        }
        Config config = options.load(null, null);
        Path file = new ChangelogWriter().writeBlank(config.changelogDirectory(), name, Clock.systemUTC().instant());
        spec.commandLine().getOut().println("Wrote " + file + " and included it in "
                + config.changelogDirectory().resolve(ChangelogWriter.MASTER).getFileName() + ".");
        spec.commandLine().getOut().println("Replace its two placeholders (the SQL and the '-- rollback' line), then run driftless check.");
        return ExitCode.OK.code();
    }
}
