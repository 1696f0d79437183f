package dev.driftless.api;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.ChangelogIndex;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.changelogs.backup.BackupPolicy;
import dev.driftless.changelogs.lint.ChangesetLint;
import dev.driftless.changelogs.lint.Risk;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code driftless apply} with its guards: the refusal of unacknowledged danger, and the backup the policy asks for,
 * taken before anything changes.
 */
final class ApplyRun {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;
    private final TargetRunner runner;

    ApplyRun(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
        this.runner = new TargetRunner(config, progress);
    }

    Driftless.ApplyOutcome apply(ApplyOptions options, RunnerEvents events, boolean allowDestructive) {
        if (!options.dryRun() && !allowDestructive) {
            refuseDanger(options);
        }
        if (!options.dryRun() && config.url() != null && config.runner().backupPolicy() != BackupPolicy.NEVER) {
            BackupUnderLock underLock = new BackupUnderLock(events);
            ApplyResult result;
            try {
                result = runner.run(r -> r.apply(options, underLock));
            } catch (RuntimeException e) {
                // The runner wraps what its events throw; a failed backup keeps its own message and exit code.
                throw underLock.failure != null ? underLock.failure : e;
            }
            return new Driftless.ApplyOutcome(result, underLock.backup, runner.describeTarget());
        }
        // The embedded database is backed up as its stopped data directory, so before the lock: its server is stopped
        // for the copy, and no other run can reach it meanwhile (one process runs it at a time).
        BackupFile backup = null;
        if (!options.dryRun() && wantsBackup(options)) {
            backup = backups().backup("before-apply");
            noteBackup(events, backup);
        }
        ApplyResult result = runner.run(r -> r.apply(options, events));
        return new Driftless.ApplyOutcome(result, backup, runner.describeTarget());
    }

    private TargetBackups backups() {
        return new TargetBackups(config, clock, progress);
    }

    private void noteBackup(RunnerEvents events, BackupFile backup) {
        events.note("backed up to " + backup.path() + " before applying (backup policy: "
                + config.runner().backupPolicy().name().toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * A server's backup taken once the migration lock is held and the pending changesets are known, so no other run
     * can change the database between the backup and this run's first changeset.
     */
    private final class BackupUnderLock implements RunnerEvents {
        private final RunnerEvents events;
        private BackupFile backup;
        private DriftlessException failure;

        BackupUnderLock(RunnerEvents events) {
            this.events = events;
        }

        @Override
        public void locked(List<PlannedChangeset> plan) {
            if (config.runner().backupPolicy().wantsBefore(plan)) {
                try {
                    backup = backups().backup("before-apply");
                } catch (DriftlessException e) {
                    failure = e;
                    throw e;
                }
                noteBackup(events, backup);
            }
            events.locked(plan);
        }

        @Override
        public void starting(int number, int total, PlannedChangeset changeset) {
            events.starting(number, total, changeset);
        }

        @Override
        public void finished(int number, int total, ExecutedChangeset changeset) {
            events.finished(number, total, changeset);
        }

        @Override
        public void note(String message) {
            events.note(message);
        }
    }

    /**
     * Throws, naming each one, when a changeset this apply would run is danger and not acknowledged. Skipped without
     * parsing when the changelog index shows nothing unrecorded; else lints exactly the dry run's plan.
     */
    private void refuseDanger(ApplyOptions options) {
        List<ChangelogIndex.Entry> candidates = runner.run(r -> r.unrecorded(config.cache()));
        if (candidates != null && candidates.isEmpty()) {
            return;
        }
        List<ChangesetRef> plan = runner.run(r -> r.apply(options.withDryRun(true), RunnerEvents.NONE)).planned().stream()
                .map(PlannedChangeset::changeset).toList();
        List<ChangesetLint> dangerous = new LintRun(config, progress).only(plan).atLeast(Risk.DANGER);
        if (!dangerous.isEmpty()) {
            throw new DriftlessException(ExitCode.FAILURE, Lint.refusal(dangerous));
        }
    }

    /**
     * Whether the backup policy asks for a backup before this apply. Decided from the changelog index when it is
     * certain (nothing unrecorded, or nothing unrecorded destructive); else from a dry run, which plans exactly what
     * the apply would run but costs a second parse and planning of the whole changelog.
     */
    private boolean wantsBackup(ApplyOptions options) {
        BackupPolicy policy = config.runner().backupPolicy();
        if (policy == BackupPolicy.NEVER) {
            return false;
        }
        List<ChangelogIndex.Entry> candidates = runner.run(r -> r.unrecorded(config.cache()));
        if (candidates != null && (candidates.isEmpty()
                || policy == BackupPolicy.DESTRUCTIVE && candidates.stream().noneMatch(ChangelogIndex.Entry::destructive))) {
            return false;
        }
        return policy.wants(runner.run(r -> r.apply(options.withDryRun(true), RunnerEvents.NONE)));
    }
}
