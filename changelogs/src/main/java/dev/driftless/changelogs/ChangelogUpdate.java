package dev.driftless.changelogs;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;

/** Apply (Liquibase's update, one changeset per transaction with its record) and tag. */
final class ChangelogUpdate {

    private final LiquibaseSession session;
    private final ChangelogChecks checks;

    ChangelogUpdate(LiquibaseSession session) {
        this.session = session;
        this.checks = new ChangelogChecks(session);
    }

    /** See {@link ChangelogRunner#apply(ApplyOptions, RunnerEvents)}; {@code options} carry this session's filter. */
    ApplyResult apply(ApplyOptions options, RunnerEvents events) {
        if (!session.hasMasterChangelog()) {
            return new ApplyResult(List.of(), List.of(), options.dryRun(), null, List.of());
        }
        ChangesetSelection selection = new ChangesetSelection(session.filter());
        Connection connection = session.connection();
        return session.withLiquibase("apply changelog", (database, changelog, parameters, holding) -> {
            // Liquibase's JVM-wide FastCheckService remembers "up to date" per connection URL and master file name,
            // not per changelog content, and would skip changesets added since. Ask the database every time.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            if (options.dryRun()) {
                checks.requireValid(database, changelog, options.ignoreMissing());
                List<PlannedChangeset> plan = ChangesetSelection.planned(selection.pending(database, changelog, options), database, false);
                return new ApplyResult(plan, List.of(), true, options.tag(), List.of());
            }
            try (MigrationLock lock = MigrationLock.acquire(connection, session.bookkeeping(), "apply", options.lockTimeout(), events)) {
                List<String> notes = new ArrayList<>();
                new BookkeepingTables(connection, session.bookkeeping()).releaseStaleLiquibaseLock().ifPresent(n -> note(n, notes, events));
                checks.requireValid(database, changelog, options.ignoreMissing());
                List<PlannedChangeset> plan = ChangesetSelection.planned(selection.pending(database, changelog, options), database, false);
                if (!plan.isEmpty()) {
                    events.locked(plan);
                }
                List<ExecutedChangeset> applied = plan.isEmpty() ? List.of()
                        : update(database, changelog, parameters, holding, options, plan, notes, events);
                if (options.tag() != null) {
                    tagLatest(database, options.tag());
                }
                return new ApplyResult(plan, applied, false, options.tag(), notes);
            }
        });
    }

    private List<ExecutedChangeset> update(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters,
                                           HoldingConnection holding, ApplyOptions options, List<PlannedChangeset> plan,
                                           List<String> notes, RunnerEvents events) throws Exception {
        Connection connection = session.connection();
        for (PlannedChangeset planned : plan) {
            if (!planned.runInTransaction()) {
                InvalidIndexes.dropBefore(connection, planned.sql()).forEach(n -> note(n, notes, events));
            }
        }
        AuditLog audit = new AuditLog(connection, Attribution.of(options.reason()), session.bookkeeping());
        audit.prepare();
        ExecutionRecorder recorder = new ExecutionRecorder(plan, holding, audit, AuditEntry.Kind.APPLY, events);
        try {
            new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, session.masterFile())
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                    .addArgumentValue(UpdateCountCommandStep.CHANGELOG_PARAMETERS, parameters)
                    .addArgumentValue(UpdateCountCommandStep.CONTEXTS_ARG, options.contexts())
                    .addArgumentValue(UpdateCountCommandStep.LABEL_FILTER_ARG, options.labels())
                    .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, plan.size())
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
        } catch (Exception e) {
            throw recordFailure(audit, recorder, recorder.failure("Changeset", e));
        } finally {
            holding.stopWatching();
            holding.hold(false);
        }
        return recorder.executed();
    }

    /**
     * Writes the failed attempt's row after Liquibase rolled the changeset back, in a transaction of its own. A
     * failure to write it is attached to the changeset's failure, never in its place.
     */
    static ChangelogException recordFailure(AuditLog audit, ExecutionRecorder recorder, ChangelogException failure) {
        recorder.failedAttempt().ifPresent(attempt -> {
            try {
                audit.recordFailure(recorder.kind(), attempt.changeset(), attempt.startedAt(), attempt.took(),
                        failure.getMessage());
            } catch (java.sql.SQLException e) {
                failure.addSuppressed(e);
            }
        });
        return failure;
    }

    /** Tags the most recently applied changeset; see {@link ChangelogRunner#tag(String)}. */
    ChangesetRef tag(String tag) {
        return session.withLiquibase("tag the database", false, (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(session.connection(), session.bookkeeping(), "tag", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                return tagLatest(database, tag);
            }
        });
    }

    private ChangesetRef tagLatest(Database database, String tag) throws Exception {
        List<RanChangeSet> ran = LiquibaseSession.ranChangesets(database);
        if (ran.isEmpty()) {
            throw new ChangelogException("Cannot tag the database " + tag + ": no changeset is applied yet");
        }
        RanChangeSet latest = ran.get(ran.size() - 1);
        ChangesetRef latestRef = new ChangesetRef(latest.getChangeLog(), latest.getId(), latest.getAuthor());
        for (RanChangeSet r : ran) {
            if (tag.equals(r.getTag()) && r != latest) {
                throw new ChangelogException("Tag " + tag + " already marks changeset " + r.getId() + " in " + r.getChangeLog()
                        + "; a tag names one point in the history, choose another name");
            }
        }
        if (!tag.equals(latest.getTag())) {
            new CommandScope(TagCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(TagCommandStep.TAG_ARG, tag)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
        }
        return latestRef;
    }

    static void note(String message, List<String> notes, RunnerEvents events) {
        notes.add(message);
        events.note(message);
    }
}
