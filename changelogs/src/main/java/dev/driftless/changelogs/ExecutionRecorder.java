package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
 * written (see {@link HoldingConnection}), writes its row in the history table ({@link AuditLog}) in the same
 * transaction, and remembers a failure so that the caller can record it after Liquibase gave up.
 */
final class ExecutionRecorder extends AbstractChangeExecListener {

    private final List<ExecutedChangeset> executed = new ArrayList<>();
    private final List<PlannedChangeset> plan;
    private final Map<ChangesetRef, PlannedChangeset> planByRef = new HashMap<>();
    private final HoldingConnection holding;
    private final AuditLog audit;
    private final AuditEntry.Kind kind;
    private final RunnerEvents events;
    private long started;
    private Instant startedAt;
    private ChangesetRef failed;
    private Exception failure;

    /**
     * @param audit where each changeset's row goes
     * @param kind  whether this follows an apply or a rollback
     */
    ExecutionRecorder(List<PlannedChangeset> plan, HoldingConnection holding, AuditLog audit, AuditEntry.Kind kind,
                      RunnerEvents events) {
        this.plan = plan;
        plan.forEach(p -> planByRef.putIfAbsent(p.changeset(), p));
        this.holding = holding;
        this.audit = audit;
        this.kind = kind;
        this.events = events;
    }

    AuditEntry.Kind kind() {
        return kind;
    }

    /** The changeset that failed, when it started and how long it ran; empty when none did (or none started). */
    Optional<FailedAttempt> failedAttempt() {
        return failed == null ? Optional.empty()
                : Optional.of(new FailedAttempt(failed, startedAt, Duration.ofNanos(System.nanoTime() - started)));
    }

    record FailedAttempt(ChangesetRef changeset, Instant startedAt, Duration took) {
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
        finished(changeSet);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
        finished(changeSet);
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
        holding.stopWatching();
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
        if (!changeSet.isRunInTransaction() && kind == AuditEntry.Kind.APPLY) {
            // one long statement outside a transaction (a batched data migration): its notices are its progress
            holding.watchNotices(events::note);
        }
        started = System.nanoTime();
        startedAt = Instant.now();
        failed = null;
        failure = null;
        events.starting(executed.size() + 1, plan.size(), planned(changeSet));
    }

    /**
     * Still inside the changeset's transaction (its commit is held): its post-conditions and the caller's events
     * run, then its history row is written, then the commit is let through. Whatever throws here aborts the
     * changeset, see {@link #abort}.
     */
    private void finished(ChangeSet changeSet) {
        holding.stopWatching();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        ChangesetRef ref = ChangesetSelection.ref(changeSet);
        ExecutedChangeset done = new ExecutedChangeset(ref, took,
                changeSet.getGeneratedSql() == null ? List.of() : changeSet.getGeneratedSql().stream().filter(Objects::nonNull).toList());
        try {
            if (kind == AuditEntry.Kind.APPLY) {
                PostConditions.verify(PostConditions.of(changeSet), holding.getUnderlyingConnection());
            }
            events.finished(executed.size() + 1, plan.size(), done);
        } catch (RuntimeException e) {
            throw abort(ref, e);
        }
        if (!audit.recordSuccess(kind, ref, startedAt, took)) {
            events.note("could not write the history row of " + ref.file() + " :: " + ref.id() + " (it is "
                    + (kind == AuditEntry.Kind.APPLY ? "applied" : "rolled back") + " all the same)");
        }
        holding.hold(false);
        executed.add(done);
    }

    /**
     * Liquibase does not roll back a changeset whose listener threw, and its own lock release would later commit the
     * held transaction; so the changeset's work is rolled back here, before the exception leaves.
     */
    private RuntimeException abort(ChangesetRef ref, RuntimeException e) {
        failed = ref;
        failure = e;
        Connection connection = holding.getUnderlyingConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException rollback) {
            e.addSuppressed(rollback);
        }
        holding.hold(false);
        return e;
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
