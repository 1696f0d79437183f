package dev.driftless.cli.command;

import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backups", mixinStandardHelpOptions = true, description = "List the backups, newest first.")
public final class BackupsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BackupFile> backups = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).listBackups();
        if (backups.isEmpty()) {
            out.println("No backups yet (driftless backup makes one).");
            return ExitCode.OK.code();
        }
        for (BackupFile b : backups) {
            out.println(b.created() + "  " + size(b.size()) + "  " + b.path());
        }
        return ExitCode.OK.code();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return bytes / 1024 + " KiB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
