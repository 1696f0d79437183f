package dev.driftless.changelogs;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;

/** Recording changesets as applied without running them: baselines, imports, a changeset whose work is done. */
final class ChangelogMarking {

    private final LiquibaseSession session;

    ChangelogMarking(LiquibaseSession session) {
        this.session = session;
    }

    /** See {@link ChangelogRunner#markApplied()}. */
    List<ChangesetRef> markAll() {
        if (!session.hasMasterChangelog()) {
            return List.of();
        }
        ChangesetSelection selection = new ChangesetSelection(session.filter());
        return session.withLiquibase("mark the changesets applied", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(session.connection(), session.bookkeeping(), "baseline", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                new BookkeepingTables(session.connection(), session.bookkeeping()).releaseStaleLiquibaseLock();
                List<ChangesetRef> pending = selection.pending(database, changelog, ApplyOptions.defaults()).stream()
                        .map(ChangesetSelection::ref).toList();
                new CommandScope(ChangelogSyncCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, session.masterFile())
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
                return pending;
            }
        });
    }

    /** See {@link ChangelogRunner#markApplied(String)}. */
    ChangesetRef markOne(String changeset) {
        if (!session.hasMasterChangelog()) {
            throw new ChangelogException("Cannot mark a changeset applied: there is no changelog at " + session.masterChangelog());
        }
        ChangesetRef wanted = session.withLiquibase("find the changeset", (database, changelog, parameters, holding) ->
                ChangesetSelection.ref(ChangesetSelection.find(changelog, changeset)));
        List<ChangesetRef> marked = markWhere(wanted::equals);
        if (marked.isEmpty()) {
            throw new ChangelogException("Changeset " + wanted.id() + " in " + wanted.file() + " is not pending (it is"
                    + " applied already, or the contexts and labels leave it out): nothing was recorded", wanted, null);
        }
        return wanted;
    }

    /** See {@link ChangelogRunner#markApplied(Predicate)}. */
    List<ChangesetRef> markWhere(Predicate<ChangesetRef> which) {
        if (!session.hasMasterChangelog()) {
            return List.of();
        }
        ChangesetSelection selection = new ChangesetSelection(session.filter());
        return session.withLiquibase("mark the changesets applied", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(session.connection(), session.bookkeeping(), "import", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                new BookkeepingTables(session.connection(), session.bookkeeping()).releaseStaleLiquibaseLock();
                List<ChangeSet> chosen = selection.pending(database, changelog, ApplyOptions.defaults()).stream()
                        .filter(cs -> which.test(ChangesetSelection.ref(cs))).toList();
                var history = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
                history.init();
                history.generateDeploymentId();
                for (ChangeSet changeSet : chosen) {
                    database.markChangeSetExecStatus(changeSet, ChangeSet.ExecType.EXECUTED);
                }
                database.commit();
                return chosen.stream().map(ChangesetSelection::ref).toList();
            }
        });
    }
}
