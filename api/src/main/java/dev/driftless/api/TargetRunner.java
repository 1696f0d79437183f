package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.MissingChangesets;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.changelogs.RollbackTarget;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.changelogs.backup.BackupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The changelog runner's verbs on the target (status, rollback, tag, history, checksums): each opens the target,
 * runs one call of the runner, and turns what fails there into the exit code the commands use.
 */
final class TargetRunner {

    private final Config config;
    private final Consumer<String> progress;

    TargetRunner(Config config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs {@code action} with a runner connected to the target. */
    <T> T run(Function<ChangelogRunner, T> action) {
        try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
            return action.apply(config.changelogRunner(connection));
        } catch (SQLException e) {
            throw databaseFailure(e);
        } catch (ChangelogException | BackupException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    StatusResult status() {
        return run(runner -> {
            List<ChangesetStatus> changesets = runner.status();
            return new StatusResult(changesets, changesets.isEmpty() ? MissingChangesets.NONE : runner.missing(),
                    describeTarget());
        });
    }

    RollbackResult rollback(RollbackTarget target, boolean dryRun, RunnerEvents events, String reason) {
        requireChangelog("roll back");
        return run(r -> r.rollback(target, dryRun, config.runner().lockTimeout(), events, reason));
    }

    Driftless.HistoryResult history() {
        Driftless.HistoryResult read = run(r -> new Driftless.HistoryResult(r.history(), r.attempts(), null));
        return new Driftless.HistoryResult(read.entries(), read.attempts(), describeTarget());
    }

    ChangesetRef acceptChecksum(String changeset) {
        requireChangelog("accept a checksum");
        return run(r -> r.acceptChecksum(changeset));
    }

    ChangesetRef markApplied(String changeset) {
        requireChangelog("mark a changeset applied");
        return run(r -> r.markApplied(changeset));
    }

    /**
     * A verb that needs the changesets' text fails before connecting when there is no changelog: the configuration
     * points elsewhere, or nothing was generated yet (a usage error, not a failure on the database).
     */
    private void requireChangelog(String verb) {
        Path master = config.changelogRoot().resolve(config.masterChangelog());
        if (!Files.isRegularFile(master)) {
            throw new DriftlessException(ExitCode.USAGE, "Cannot " + verb + ": there is no changelog at " + master
                    + " (run driftless diff to write the first, or point 'changelogs' in " + Config.FILE_NAME
                    + " at the project's)");
        }
    }

    /** The target as reports name it, its password never shown. */
    String describeTarget() {
        return config.url() == null ? "the embedded database (.driftless/)" : Target.redact(config.url());
    }

    static DriftlessException databaseFailure(SQLException e) {
        return new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
    }
}
