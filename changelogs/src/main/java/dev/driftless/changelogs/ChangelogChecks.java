package dev.driftless.changelogs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.ChecksumVersion;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;

/** Checksums and the changelog's soundness: validate, the check before apply, accept-checksum, missing changesets. */
final class ChangelogChecks {

    private final LiquibaseSession session;

    ChangelogChecks(LiquibaseSession session) {
        this.session = session;
    }

    /** See {@link ChangelogRunner#validate()}. */
    ValidationResult validate() {
        if (!session.hasMasterChangelog()) {
            return new ValidationResult(0, 0, List.of());
        }
        try {
            return session.withLiquibase("validate the changelog", (database, changelog, parameters, holding) ->
                    validate(database, changelog));
        } catch (ChangelogException e) {
            if (causedBy(e, ChangeLogParseException.class)) {
                return new ValidationResult(0, 0, List.of(new ValidationResult.Problem(ValidationResult.Kind.STRUCTURE, null,
                        e.getMessage().replaceFirst("^Cannot validate the changelog: ", ""))));
            }
            throw e;
        }
    }

    ValidationResult validate(Database database, DatabaseChangeLog changelog) throws Exception {
        List<ValidationResult.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            ChangesetRef ref = ChangesetSelection.ref(changeSet);
            if (!seen.add(ref.toString())) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.DUPLICATE_ID, ref,
                        "changeset id " + changeSet.getId() + " (author " + changeSet.getAuthor() + ") appears more than once in "
                                + changeSet.getFilePath() + "; give each changeset its own id"));
            }
        }
        List<RanChangeSet> ran = LiquibaseSession.ranChangesets(database);
        MissingChangesets missing = MissingChangesets.of(ran, changelog, session.changelogDirectory());
        for (ChangesetRef ref : missing.missing()) {
            problems.add(new ValidationResult.Problem(ValidationResult.Kind.MISSING, ref, "changeset " + ref.id() + " in "
                    + ref.file() + " is applied but no longer in the changelog (it cannot be rolled back)"));
        }
        for (RanChangeSet applied : ran) {
            ChangeSet changeSet = changelog.getChangeSet(applied);
            ChangesetRef ref = new ChangesetRef(applied.getChangeLog(), applied.getId(), applied.getAuthor());
            if (changeSet != null && edited(changeSet, applied)) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.CHECKSUM, ref, "changeset " + ref.id() + " in "
                        + ref.file() + " was edited after it was applied (checksum was " + applied.getLastCheckSum() + ", is now "
                        + changeSet.generateCheckSum(ChecksumVersion.latest()) + "). Undo the edit and write a new changeset"
                        + " instead; if the edit is deliberate and the database already matches it, run: driftless"
                        + " accept-checksum " + ref.file() + "::" + ref.id()));
            }
        }
        if (problems.isEmpty()) {
            try {
                changelog.validate(database, session.filter().liquibaseContexts(), session.filter().liquibaseLabels());
            } catch (ValidationFailedException e) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.STRUCTURE, null, Failures.describe(e)));
            }
        }
        String others = missing.describeOtherChangelogs(session.changelogDirectory());
        return new ValidationResult(changelog.getChangeSets().size(), ran.size(), problems,
                others.isEmpty() ? List.of() : List.of(others));
    }

    private static boolean edited(ChangeSet changeSet, RanChangeSet applied) {
        CheckSum recorded = applied.getLastCheckSum();
        return recorded != null && !changeSet.shouldRunOnChange() && !changeSet.isCheckSumValid(recorded);
    }

    /**
     * Apply refuses to start on a changelog that does not validate, and on an applied changeset missing from it unless
     * told to ignore those.
     */
    void requireValid(Database database, DatabaseChangeLog changelog, boolean ignoreMissing) throws Exception {
        List<ValidationResult.Problem> blocking = validate(database, changelog).problems().stream()
                .filter(p -> !ignoreMissing || p.kind() != ValidationResult.Kind.MISSING).toList();
        if (!blocking.isEmpty()) {
            ValidationResult.Problem first = blocking.get(0);
            throw new ChangelogException("Nothing was applied: " + first.message()
                    + (first.kind() == ValidationResult.Kind.MISSING ? "; restore it, or pass --ignore-missing to apply anyway" : "")
                    + (blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more problem(s): run driftless validate-changelog)" : ""),
                    first.changeset(), null);
        }
    }

    /** See {@link ChangelogRunner#missing()}. */
    MissingChangesets missing() {
        if (!session.hasMasterChangelog()) {
            return MissingChangesets.NONE;
        }
        return session.withLiquibase("read the applied changesets", (database, changelog, parameters, holding) ->
                MissingChangesets.of(LiquibaseSession.ranChangesets(database), changelog, session.changelogDirectory()));
    }

    /** See {@link ChangelogRunner#acceptChecksum(String)}. */
    ChangesetRef acceptChecksum(String changeset) {
        if (!session.hasMasterChangelog()) {
            throw new ChangelogException("Cannot accept a checksum: there is no changelog at " + session.masterChangelog());
        }
        return session.withLiquibase("accept the checksum", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(session.connection(), session.bookkeeping(), "accept-checksum",
                    ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                ChangeSet found = ChangesetSelection.find(changelog, changeset);
                RanChangeSet applied = LiquibaseSession.ranChangesets(database).stream().filter(r -> r.isSameAs(found)).findFirst()
                        .orElseThrow(() -> new ChangelogException("Changeset " + found.getId() + " in " + found.getFilePath()
                                + " is not applied: there is no checksum to accept; apply it instead",
                                ChangesetSelection.ref(found), null));
                if (edited(found, applied)) {
                    new BookkeepingTables(session.connection(), session.bookkeeping()).replaceChecksum(ChangesetSelection.ref(found),
                            found.generateCheckSum(ChecksumVersion.latest()).toString());
                }
                return ChangesetSelection.ref(found);
            }
        });
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
