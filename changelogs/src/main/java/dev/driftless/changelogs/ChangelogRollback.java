package dev.driftless.changelogs;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;

/** Rollback: plans and checks the whole range first, then lets Liquibase undo it newest first. */
final class ChangelogRollback {

    private final LiquibaseSession session;

    ChangelogRollback(LiquibaseSession session) {
        this.session = session;
    }

    /** See {@link ChangelogRunner#rollback(RollbackTarget, boolean, Duration, RunnerEvents, String)}. */
    RollbackResult rollback(RollbackTarget target, boolean dryRun, Duration lockTimeout, RunnerEvents events, String reason) {
        Objects.requireNonNull(target, "target");
        if (!session.hasMasterChangelog()) {
            throw new ChangelogException("Cannot roll back: there is no changelog at " + session.masterChangelog());
        }
        return session.withLiquibase("roll back", (database, changelog, parameters, holding) -> {
            if (dryRun) {
                return new RollbackResult(plan(target, database, changelog), List.of(), true);
            }
            try (MigrationLock lock = MigrationLock.acquire(session.connection(), session.bookkeeping(), "rollback", lockTimeout, events)) {
                new BookkeepingTables(session.connection(), session.bookkeeping()).releaseStaleLiquibaseLock().ifPresent(events::note);
                List<PlannedChangeset> plan = plan(target, database, changelog);
                if (plan.isEmpty()) {
                    return new RollbackResult(plan, List.of(), false);
                }
                AuditLog audit = new AuditLog(session.connection(), Attribution.of(reason), session.bookkeeping());
                audit.prepare();
                ExecutionRecorder recorder = new ExecutionRecorder(plan, holding, audit, AuditEntry.Kind.ROLLBACK, events);
                try {
                    new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, session.masterFile())
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                            .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                            .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, plan.size())
                            .setOutput(OutputStream.nullOutputStream())
                            .execute();
                } catch (Exception e) {
                    throw ChangelogUpdate.recordFailure(audit, recorder, recorder.failure("Rollback of changeset", e));
                } finally {
                    holding.hold(false);
                }
                return new RollbackResult(plan, recorder.executed(), false);
            }
        });
    }

    /**
     * The changesets {@code target} covers, newest first, with their rollback SQL; refuses unless Liquibase's
     * rollbackCount would undo exactly these rows of {@code DATABASECHANGELOG} and each has a rollback. (Liquibase
     * itself would silently skip applied changesets missing from the changelog, and would fail only on reaching one
     * without a rollback, after undoing the newer ones.)
     */
    private static List<PlannedChangeset> plan(RollbackTarget target, Database database, DatabaseChangeLog changelog)
            throws Exception {
        List<RanChangeSet> ran = LiquibaseSession.ranChangesets(database);
        List<RanChangeSet> newestFirst = new ArrayList<>(ran.subList(ran.size() - inRange(target, ran), ran.size()));
        Collections.reverse(newestFirst);
        List<ChangeSet> changeSets = new ArrayList<>();
        for (RanChangeSet applied : newestFirst) {
            ChangeSet changeSet = changelog.getChangeSet(applied);
            if (changeSet == null) {
                throw new ChangelogException("Cannot roll back " + target.describe() + ": changeset " + applied.getId()
                        + " in " + applied.getChangeLog() + " is applied but no longer in the changelog, so its rollback is unknown",
                        new ChangesetRef(applied.getChangeLog(), applied.getId(), applied.getAuthor()), null);
            }
            if (!ChangesetSelection.hasRollback(changeSet, database)) {
                throw new ChangelogException("Cannot roll back " + target.describe() + ": changeset " + changeSet.getId()
                        + " in " + changeSet.getFilePath() + " has no rollback (add a '-- rollback' line, or"
                        + " '-- rollback empty' if there is nothing to undo). Nothing was rolled back.",
                        ChangesetSelection.ref(changeSet), null);
            }
            changeSets.add(changeSet);
        }
        return ChangesetSelection.planned(changeSets, database, true);
    }

    /** How many of the newest applied changesets {@code target} covers. */
    private static int inRange(RollbackTarget target, List<RanChangeSet> ran) {
        if (target instanceof RollbackTarget.Count count) {
            if (ran.size() < count.count()) {
                throw new ChangelogException("Cannot roll back " + count.count() + " changeset" + (count.count() == 1 ? "" : "s")
                        + ": only " + ran.size() + " " + (ran.size() == 1 ? "is" : "are") + " applied");
            }
            return count.count();
        }
        if (target instanceof RollbackTarget.ToTag toTag) {
            for (int i = ran.size() - 1; i >= 0; i--) {
                if (toTag.tag().equals(ran.get(i).getTag())) {
                    return ran.size() - 1 - i;
                }
            }
            List<String> tags = ran.stream().map(RanChangeSet::getTag).filter(Objects::nonNull).toList();
            throw new ChangelogException("Cannot roll back to tag " + toTag.tag() + ": no applied changeset carries it"
                    + (tags.isEmpty() ? " (the database has no tags; set one with driftless tag)" : " (tags: " + String.join(", ", tags) + ")"));
        }
        Date date = Date.from(((RollbackTarget.ToDate) target).instant());
        int count = 0;
        for (int i = ran.size() - 1; i >= 0 && ran.get(i).getDateExecuted() != null && ran.get(i).getDateExecuted().after(date); i--) {
            count++;
        }
        return count;
    }
}
