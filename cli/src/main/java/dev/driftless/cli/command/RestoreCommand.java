package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true, description = {
        "Replace the database's contents with a backup.",
        "Takes a safety backup of the current state first and asks for confirmation unless --yes; without a "
                + "terminal and without --yes it refuses (exit 2)."})
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "FILE", description = "The backup file (driftless backups lists them).")
    Path file;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--from-other-database", description = {"Restore a backup of another database (another server or",
            "database name) over this one. Without it such a restore is refused (exit 2)."})
    boolean fromOtherDatabase;

    @Option(names = "--pg-dump", paramLabel = "PATH", description = "The pg_dump to use; pg_restore is taken from beside it.")
    Path pgDump;

    @Option(names = "--lock-timeout", paramLabel = "D", description = {"How long the safety backup's pg_dump waits for a lock",
            "another session holds (e.g. 30s, 3m; default 3m or lock-timeout: in driftless.yaml). pg_restore itself waits."})
    String lockTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!yes && !confirmed()) {
            return ExitCode.USAGE.code();
        }
        Driftless.RestoreResult result = new Driftless(options.load(null, null, null, pgDump, lockTimeout), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).restore(file.toAbsolutePath(), fromOtherDatabase);
        out.println("Restored " + result.restored().path().getFileName() + ". The state before it is in "
                + result.safety().path() + ".");
        return ExitCode.OK.code();
    }

    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw new DriftlessException(ExitCode.USAGE, "restore replaces the database's data and there is no terminal to"
                    + " ask on: pass --yes to confirm");
        }
        String answer = console.readLine("Restore %s over the database? Its current state is backed up first. [y/N] ",
                file.getFileName());
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            spec.commandLine().getErr().println("Nothing restored.");
            return false;
        }
        return true;
    }
}
