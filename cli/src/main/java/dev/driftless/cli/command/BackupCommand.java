package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true, description = {
        "Back the database up into the backup directory (default backups/, git-ignored): a compressed pg_dump (custom format) of a server, or a copy of the stopped embedded database's files."})
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--keep", paramLabel = "N", description = "Then delete all but the newest N backups.")
    Integer keep;

    @Option(names = "--pg-dump", paramLabel = "PATH", description = "The pg_dump to use (default: found on PATH).")
    Path pgDump;

    @Option(names = "--lock-timeout", paramLabel = "D", description = {"How long pg_dump waits for a lock another session",
            "holds before it gives up (e.g. 30s, 3m; default 3m or lock-timeout: in driftless.yaml)."})
    String lockTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (keep != null && keep < 1) {
            throw new DriftlessException(ExitCode.USAGE, "--keep must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Driftless.BackupResult result = new Driftless(options.load(null, null, null, pgDump, lockTimeout), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).backup(keep);
        out.println("Backed up to " + result.backup().path() + " (" + BackupsCommand.size(result.backup().size()) + ").");
        result.deleted().forEach(d -> out.println("deleted old backup " + d.path().getFileName()));
        return ExitCode.OK.code();
    }
}
