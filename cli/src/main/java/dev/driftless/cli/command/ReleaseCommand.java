package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.Release;
import dev.driftless.changelogs.ApplyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "release", mixinStandardHelpOptions = true, description = {
        "Run a release in one command: backup, validate-changelog, lint of the pending changesets, dry run, apply.",
        "Stops at the first step that fails, with that step's exit code; nothing is applied unless every step before"
                + " apply passed."})
public final class ReleaseCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    RunnerOptions runner;

    @Option(names = "--no-backup", description = "Skip the backup step (the pipeline backs the database up itself).")
    boolean noBackup;

    @Option(names = "--strict", description = "Let lint fail on caution and unrecognised statements too, not only on danger.")
    boolean strict;

    @Option(names = "--allow-destructive", description = "Apply changesets that lose data although they carry no"
            + " acknowledgement (lint still fails on them unless acknowledged).")
    boolean allowDestructive;

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag the database with TAG after applying.")
    String tag;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why this release runs; recorded in driftless history.")
    String reason;

    @Option(names = "--pg-dump", paramLabel = "PATH", description = "The pg_dump to back up a server with (default: found on PATH).")
    Path pgDump;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The release backs up as its first step; apply must not back up a second time.
        Config config = options.load(null, null, "never", pgDump, runner.lockTimeout);
        ApplyOptions apply = ApplyOptions.defaults().withLockTimeout(config.runner().lockTimeout()).withTag(tag)
                .withReason(reason);
        int[] number = {0};
        Release.Outcome outcome;
        try (Progress.Changesets progress = Progress.changesets(err, "applying", Progress.onTerminal());
             Interruption interruption = Interruption.around(progress, err)) {
            Driftless driftless = new Driftless(config, Clock.systemUTC(), Progress.to(err));
            try {
                outcome = new Release(driftless, step -> {
                    number[0]++;
                    out.println("[" + number[0] + "] " + step.name() + ": " + (step.passed() ? "ok" : "FAILED"));
                    step.lines().forEach(line -> out.println("    " + line));
                    out.flush();
                }).run(apply, interruption, new Release.Settings(!noBackup, strict, allowDestructive));
            } catch (RuntimeException e) {
                return interruption.exitAfter(e, "applied");
            }
        }
        out.println(outcome.exitCode().code() == 0 ? "Release done." : "Release stopped: nothing was applied.");
        return outcome.exitCode().code();
    }
}
