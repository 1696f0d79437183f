package dev.driftless.changelogs;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;

/**
 * Applies, rolls back and reports driftless changelogs with Liquibase.
 *
 * <p>A changelog directory holds a master changelog ({@value #DEFAULT_MASTER_FILE} unless told otherwise) that
 * includes the changelog files in order. Liquibase reads it through a resource accessor rooted at that directory,
 * so the file names recorded in {@code DATABASECHANGELOG} are relative to it and the same on every machine.
 *
 * <p>The connection belongs to the caller, who closes it. Liquibase commits each changeset in its own
 * transaction, so any uncommitted work on the connection is committed with the first changeset; the connection's
 * auto-commit mode is restored after every call. A runner is not thread-safe: it uses one connection.
 *
 * <p>Liquibase prints nothing: its messages and log go to SLF4J (see {@link QuietLiquibase}). Failures are
 * {@link ChangelogException}s with a short message; the Liquibase exception is their cause.
 */
public final class ChangelogRunner {

    /** The master changelog's name when none is given. */
    public static final String DEFAULT_MASTER_FILE = "db.changelog-master.yaml";

    private final Connection connection;
    private final Path changelogDirectory;
    private final String masterFile;

    /** A runner for {@code changelogDirectory/}{@value #DEFAULT_MASTER_FILE}. */
    public ChangelogRunner(Connection connection, Path changelogDirectory) {
        this(connection, changelogDirectory, DEFAULT_MASTER_FILE);
    }

    /**
     * @param connection         an open connection the caller owns and closes
     * @param changelogDirectory the directory holding the master changelog and the files it includes
     * @param masterFile         the master changelog's path relative to {@code changelogDirectory}
     */
    public ChangelogRunner(Connection connection, Path changelogDirectory, String masterFile) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.changelogDirectory = Objects.requireNonNull(changelogDirectory, "changelogDirectory").toAbsolutePath().normalize();
        this.masterFile = Objects.requireNonNull(masterFile, "masterFile").replace('\\', '/');
        if (this.masterFile.isBlank()) {
            throw new IllegalArgumentException("masterFile is blank");
        }
    }

    /** The master changelog's path. It need not exist: a fresh project has no changelogs yet. */
    public Path masterChangelog() {
        return changelogDirectory.resolve(masterFile);
    }

    /**
     * Applies every pending changeset in changelog order, each in its own transaction, and stops at the first that
     * fails (whose changes are rolled back; the ones before it stay applied).
     *
     * @return the changesets applied; none when the master changelog does not exist
     * @throws ChangelogException naming the failing file and changeset and quoting the database's error
     */
    public ApplyResult apply() {
        if (!hasMasterChangelog()) {
            return new ApplyResult(List.of());
        }
        Recorder recorder = new Recorder();
        withLiquibase("apply changelog", (database, changelog, parameters) -> {
            // Liquibase's JVM-wide FastCheckService remembers "up to date" per connection URL and master file name,
            // not per changelog content, and would skip changesets added since. Ask the database every time.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            try {
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, masterFile)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_ARG, changelog)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
            } catch (Exception e) {
                if (recorder.failed != null) {
                    throw new ChangelogException("Changeset " + recorder.failed.id() + " in " + recorder.failed.file()
                            + " failed: " + Failures.describe(recorder.failure != null ? recorder.failure : e),
                            recorder.failed, e);
                }
                throw e;
            }
            return null;
        });
        return new ApplyResult(recorder.executed);
    }

    /**
     * Every changeset of the changelog, in changelog order, with whether it has been applied.
     * Empty when the master changelog does not exist. Reads only: creates no Liquibase table.
     */
    public List<ChangesetStatus> status() {
        if (!hasMasterChangelog()) {
            return List.of();
        }
        return withLiquibase("read changelog status", (database, changelog, parameters) -> {
            List<RanChangeSet> ran = ranChangesets(database);
            List<ChangesetStatus> statuses = new ArrayList<>();
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                ChangesetRef ref = ref(changeSet);
                statuses.add(ran.stream()
                        .filter(r -> r.isSameAs(changeSet))
                        .findFirst()
                        .map(r -> new ChangesetStatus(ref, true,
                                r.getDateExecuted() == null ? null : r.getDateExecuted().toInstant(), r.getTag()))
                        .orElseGet(() -> ChangesetStatus.notApplied(ref)));
            }
            return List.copyOf(statuses);
        });
    }

    /** The changesets {@link #apply()} would apply, in order. Empty when the master changelog does not exist. */
    public List<ChangesetRef> pending() {
        return status().stream().filter(ChangesetStatus::pending).map(ChangesetStatus::changeset).toList();
    }

    /**
     * Rolls back the {@code count} most recently applied changesets, newest first, each with its rollback SQL in
     * its own transaction.
     *
     * <p>Before changing anything it checks all of them and refuses when fewer than {@code count} are applied, when
     * one is no longer in the changelog, or when one has no rollback.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     * @throws ChangelogException       when refusing (naming the file and changeset) or when a rollback fails
     */
    public RollbackResult rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (!hasMasterChangelog()) {
            throw new ChangelogException("Cannot roll back: there is no changelog at " + masterChangelog());
        }
        Recorder recorder = new Recorder();
        withLiquibase("roll back", (database, changelog, parameters) -> {
            checkRollbackPossible(count, database, changelog);
            try {
                new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, masterFile)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                        .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
            } catch (Exception e) {
                if (recorder.failed != null) {
                    throw new ChangelogException("Rollback of changeset " + recorder.failed.id() + " in "
                            + recorder.failed.file() + " failed: "
                            + Failures.describe(recorder.failure != null ? recorder.failure : e),
                            recorder.failed, e);
                }
                throw e;
            }
            return null;
        });
        return new RollbackResult(recorder.executed);
    }

    /**
     * Refuses, before anything is changed, unless Liquibase's rollbackCount would undo exactly the {@code count}
     * newest rows of {@code DATABASECHANGELOG} and each has rollback SQL. (Liquibase itself would silently skip
     * applied changesets missing from the changelog, and would fail only on reaching one without a rollback,
     * after undoing the newer ones.)
     */
    private void checkRollbackPossible(int count, Database database, DatabaseChangeLog changelog) throws Exception {
        List<RanChangeSet> ran = ranChangesets(database);
        if (ran.size() < count) {
            throw new ChangelogException("Cannot roll back " + count + " changeset" + (count == 1 ? "" : "s")
                    + ": only " + ran.size() + " " + (ran.size() == 1 ? "is" : "are") + " applied");
        }
        List<RanChangeSet> newestFirst = new ArrayList<>(ran.subList(ran.size() - count, ran.size()));
        Collections.reverse(newestFirst);
        for (RanChangeSet applied : newestFirst) {
            ChangeSet changeSet = changelog.getChangeSet(applied);
            if (changeSet == null) {
                throw new ChangelogException("Cannot roll back: changeset " + applied.getId() + " in "
                        + applied.getChangeLog() + " is applied but no longer in the changelog, so its rollback is unknown",
                        new ChangesetRef(applied.getChangeLog(), applied.getId(), applied.getAuthor()), null);
            }
            if (!hasRollback(changeSet, database)) {
                throw new ChangelogException("Cannot roll back: changeset " + changeSet.getId() + " in "
                        + changeSet.getFilePath() + " has no rollback (add a '-- rollback' line, or '-- rollback empty'"
                        + " if there is nothing to undo)", ref(changeSet), null);
            }
        }
    }

    /** Whether Liquibase can roll {@code changeSet} back: explicit rollback SQL ("empty" counts) or automatic inverses. */
    private static boolean hasRollback(ChangeSet changeSet, Database database) {
        if (changeSet.hasCustomRollbackChanges()) {
            return true;
        }
        List<Change> changes = changeSet.getChanges();
        // Liquibase never generates a rollback for raw SQL, which is all formatted SQL changelogs hold.
        return !changes.isEmpty() && changes.stream().allMatch(change -> change.supportsRollback(database));
    }

    private boolean hasMasterChangelog() {
        return Files.isRegularFile(masterChangelog());
    }

    /** Runs {@code work} in a quiet Liquibase scope on a fresh Liquibase view of the caller's connection. */
    private <T> T withLiquibase(String action, LiquibaseWork<T> work) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
        }
        T result;
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(changelogDirectory)) {
            result = QuietLiquibase.call(resources, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try {
                    ChangeLogParameters parameters = new ChangeLogParameters(database);
                    DatabaseChangeLog changelog = parse(resources, parameters);
                    return work.run(database, changelog, parameters);
                } finally {
                    forget(database);
                }
            });
        } catch (ChangelogException e) {
            restoreAutoCommit(autoCommit, e);
            throw e;
        } catch (Exception e) {
            ChangelogException failure = new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
            restoreAutoCommit(autoCommit, failure);
            throw failure;
        }
        restoreAutoCommit(autoCommit, null);
        return result;
    }

    private DatabaseChangeLog parse(ResourceAccessor resources, ChangeLogParameters parameters) throws Exception {
        return ChangeLogParserFactory.getInstance()
                .getParser(masterFile, resources)
                .parse(masterFile, parameters, resources);
    }

    /** The applied changesets, oldest first ({@code ORDER BY DATEEXECUTED, ORDEREXECUTED}); none without the table. */
    private static List<RanChangeSet> ranChangesets(Database database) throws Exception {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(database)
                .getRanChangeSets();
    }

    /**
     * Drops what Liquibase cached for this {@link Database} (history, lock state, executor) so nothing holds on to the
     * caller's connection, without {@code Database.close()}, which would close it. Liquibase's own commands reset
     * these factories the same way when they finish.
     */
    private static void forget(Database database) {
        Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        LockServiceFactory.getInstance().resetAll();
    }

    /**
     * Liquibase turns auto-commit off to commit per changeset. Turning it back on commits whatever is still open,
     * which after our calls is at most reads, as Liquibase's own {@code Database.close()} would.
     */
    private void restoreAutoCommit(boolean autoCommit, RuntimeException pending) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new ChangelogException("Cannot restore auto-commit on the connection: " + Failures.describe(e), e);
            }
        }
    }

    private static ChangesetRef ref(ChangeSet changeSet) {
        return new ChangesetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters) throws Exception;
    }

    /** Records what Liquibase ran, rolled back, or failed on. */
    private static final class Recorder extends AbstractChangeExecListener {

        final List<ExecutedChangeset> executed = new ArrayList<>();
        ChangesetRef failed;
        Exception failure;

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, ChangeSet.ExecType execType) {
            executed.add(executed(changeSet));
        }

        @Override
        public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
            executed.add(executed(changeSet));
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
            failed = ref(changeSet);
            failure = exception;
        }

        @Override
        public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
            failed = ref(changeSet);
            failure = exception;
        }

        private static ExecutedChangeset executed(ChangeSet changeSet) {
            return new ExecutedChangeset(ref(changeSet), Duration.ofMillis(Math.max(0, changeSet.getExecutionMilliseconds())));
        }
    }
}
