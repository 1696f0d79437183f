package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.changelogs.backup.BackupStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backups", mixinStandardHelpOptions = true, description = {
        "List the backups, newest first: when (UTC), age, size, the database each holds, and the file.",
        "Unfinished backups (.partial files) follow: being written now, or left by a killed run (stale); "
                + "driftless backup --keep N deletes the stale ones."})
public final class BackupsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    CommonOptions options;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        Clock clock = Clock.systemUTC();
        Driftless.BackupListing listing = new Driftless(options.load(null, null), clock,
                Progress.to(spec.commandLine().getErr())).backupListing();
        if (json) {
            out.print(RunnerReports.backups(listing, clock.instant()));
            return ExitCode.OK.code();
        }
        if (listing.backups().isEmpty()) {
            out.println("No backups yet (driftless backup makes one).");
        }
        for (BackupFile b : listing.backups()) {
            String database = b.identity() == null ? "unknown database" : b.identity().toString();
            String mark = b.of(listing.target()) ? "" : " (not this database)";
            out.println(WHEN.format(b.created()) + "  " + age(b.created(), clock.instant()) + "  " + size(b.size())
                    + "  " + database + mark + "  " + b.path());
        }
        for (BackupStore.Unfinished u : listing.unfinished()) {
            out.println((u.stale() ? "stale, left by a killed run" : "being written") + "  " + size(u.size()) + "  "
                    + u.path());
        }
        return ExitCode.OK.code();
    }

    static String age(Instant created, Instant now) {
        Duration age = Duration.between(created, now);
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return bytes / 1024 + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
