package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Follows what Liquibase runs or rolls back: reports progress, holds the changeset's commit until its record is
 * written (see {@link HoldingConnection}), records how long it took, and remembers a failure.
 */
final class ExecutionRecorder extends AbstractChangeExecListener {

    private final List<ExecutedChangeset> executed = new ArrayList<>();
    private final List<PlannedChangeset> plan;
    private final Map<ChangesetRef, PlannedChangeset> planByRef = new HashMap<>();
    private final HoldingConnection holding;
    private final BookkeepingTables timings;
    private final RunnerEvents events;
    private long started;
    private ChangesetRef failed;
    private Exception failure;

    /** @param timings where to record execution times, or null (rollbacks record none) */
    ExecutionRecorder(List<PlannedChangeset> plan, HoldingConnection holding, BookkeepingTables timings, RunnerEvents events) {
        this.plan = plan;
        plan.forEach(p -> planByRef.putIfAbsent(p.changeset(), p));
        this.holding = holding;
        this.timings = timings;
        this.events = events;
    }

    /** What ran (or was rolled back), in order. */
    List<ExecutedChangeset> executed() {
        return executed;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, ChangeSet.RunStatus runStatus) {
        starting(changeSet);
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
        starting(changeSet);
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, ChangeSet.ExecType execType) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (timings != null) {
            recordTiming(changeSet, took);
        }
        finished(changeSet, took);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
        finished(changeSet, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
        holding.hold(false);
        failed = ChangesetSelection.ref(changeSet);
        failure = exception;
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
        runFailed(changeSet, changelog, database, exception);
    }

    private void starting(ChangeSet changeSet) {
        holding.hold(changeSet.isRunInTransaction());
        started = System.nanoTime();
        events.starting(executed.size() + 1, plan.size(), planned(changeSet));
    }

    private void finished(ChangeSet changeSet, Duration took) {
        holding.hold(false);
        ExecutedChangeset done = new ExecutedChangeset(ChangesetSelection.ref(changeSet), took,
                changeSet.getGeneratedSql() == null ? List.of() : changeSet.getGeneratedSql().stream().filter(Objects::nonNull).toList());
        executed.add(done);
        events.finished(executed.size(), plan.size(), done);
    }

    /** Part of the changeset's own transaction; a savepoint keeps a failure here from aborting the changeset. */
    private void recordTiming(ChangeSet changeSet, Duration took) {
        Connection connection = holding.getUnderlyingConnection();
        try {
            boolean inTransaction = !connection.getAutoCommit();
            java.sql.Savepoint savepoint = inTransaction ? connection.setSavepoint() : null;
            try {
                timings.recordTiming(ChangesetSelection.ref(changeSet), took);
            } catch (SQLException e) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            }
        } catch (SQLException ignored) {
            // The execution time is a convenience; never fail a changeset that ran over it.
        }
    }

    private PlannedChangeset planned(ChangeSet changeSet) {
        ChangesetRef ref = ChangesetSelection.ref(changeSet);
        return Optional.ofNullable(planByRef.get(ref))
                .orElse(new PlannedChangeset(ref, changeSet.getComments(), List.of(), changeSet.isRunInTransaction(), false));
    }

    /** The failure as a short message naming file, changeset, SQL and the server's error. */
    ChangelogException failure(String what, Exception e) {
        if (e instanceof ChangelogException known) {
            return known;
        }
        if (failed == null) {
            return new ChangelogException(Failures.describe(e), e);
        }
        Exception cause = failure != null ? failure : e;
        String sql = Failures.failedSql(cause).orElse(null);
        return new ChangelogException(what + " " + failed.id() + " in " + failed.file() + " failed: "
                + Failures.describe(cause) + (sql == null ? "" : System.lineSeparator() + "  SQL: " + sql), failed, e);
    }
}
