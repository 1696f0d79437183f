package dev.driftless.changelogs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/** Which changesets of a parsed changelog a call works on, and the SQL each (or its rollback) will send. */
final class ChangesetSelection {

    private final ChangesetFilter filter;

    ChangesetSelection(ChangesetFilter filter) {
        this.filter = filter;
    }

    /** The pending changesets {@code options} select, in changelog order, up to {@code toChangeset}. */
    List<ChangeSet> pending(Database database, DatabaseChangeLog changelog, ApplyOptions options) throws Exception {
        ChangesetFilter chosen = filter.or(options.contexts(), options.labels());
        List<ChangeSetFilter> filters = List.of(new ShouldRunChangeSetFilter(database),
                new ContextChangeSetFilter(chosen.liquibaseContexts()),
                new LabelChangeSetFilter(chosen.liquibaseLabels()),
                new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter());
        List<ChangeSet> selected = changelog.getChangeSets().stream()
                .filter(cs -> filters.stream().allMatch(f -> f.accepts(cs).isAccepted())).toList();
        if (options.toChangeset() == null) {
            return selected;
        }
        ChangeSet to = find(changelog, options.toChangeset());
        int index = selected.indexOf(to);
        if (index >= 0) {
            return selected.subList(0, index + 1);
        }
        if (!filters.get(0).accepts(to).isAccepted()) {
            return List.of(); // already applied: nothing up to it is left
        }
        throw new ChangelogException("Changeset " + to.getId() + " in " + to.getFilePath()
                + " is excluded by the given contexts or labels, so --to cannot stop at it", ref(to), null);
    }

    /** Whether the contexts, labels and dbms select {@code changeSet}, applied or not. */
    boolean selected(ChangeSet changeSet, Database database) throws Exception {
        return new ContextChangeSetFilter(filter.liquibaseContexts()).accepts(changeSet).isAccepted()
                && new LabelChangeSetFilter(filter.liquibaseLabels()).accepts(changeSet).isAccepted()
                && new DbmsChangeSetFilter(database).accepts(changeSet).isAccepted();
    }

    /** The changeset {@code spec} ({@code id}, {@code file::id} or {@code file::id::author}) names; exactly one. */
    static ChangeSet find(DatabaseChangeLog changelog, String spec) {
        String[] parts = spec.split("::");
        List<ChangeSet> matches = changelog.getChangeSets().stream().filter(cs -> switch (parts.length) {
            case 1 -> cs.getId().equals(parts[0]);
            case 2 -> cs.getFilePath().equals(parts[0]) && cs.getId().equals(parts[1]);
            default -> cs.getFilePath().equals(parts[0]) && cs.getId().equals(parts[1]) && cs.getAuthor().equals(parts[2]);
        }).toList();
        if (matches.isEmpty()) {
            throw new ChangelogException("There is no changeset " + spec + " in the changelog (name it as ID, FILE::ID or"
                    + " FILE::ID::AUTHOR; driftless status lists them)");
        }
        if (matches.size() > 1) {
            throw new ChangelogException("More than one changeset matches " + spec + ": "
                    + matches.stream().map(cs -> cs.getFilePath() + "::" + cs.getId()).toList() + "; name it as FILE::ID");
        }
        return matches.get(0);
    }

    /** The changesets with the exact SQL they (or, for {@code rollback}, their rollbacks) will send. */
    static List<PlannedChangeset> planned(List<ChangeSet> changeSets, Database database, boolean rollback)
            throws Exception {
        List<PlannedChangeset> plan = new ArrayList<>();
        for (ChangeSet changeSet : changeSets) {
            List<String> sql = new ArrayList<>();
            for (SqlStatement statement : statements(changeSet, database, rollback)) {
                for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                    sql.add(generated.toSql());
                }
            }
            String comment = changeSet.getComments();
            plan.add(new PlannedChangeset(ref(changeSet), comment, sql, changeSet.isRunInTransaction(),
                    PlannedChangeset.isDestructive(comment)));
        }
        return plan;
    }

    private static List<SqlStatement> statements(ChangeSet changeSet, Database database, boolean rollback) throws Exception {
        List<SqlStatement> statements = new ArrayList<>();
        if (!rollback) {
            for (Change change : changeSet.getChanges()) {
                change.finishInitialization();
                statements.addAll(List.of(change.generateStatements(database)));
            }
        } else if (changeSet.hasCustomRollbackChanges()) {
            for (Change change : changeSet.getRollback().getChanges()) {
                change.finishInitialization();
                statements.addAll(List.of(change.generateStatements(database)));
            }
        } else {
            List<Change> reversed = new ArrayList<>(changeSet.getChanges());
            Collections.reverse(reversed);
            for (Change change : reversed) {
                statements.addAll(List.of(change.generateRollbackStatements(database)));
            }
        }
        return statements;
    }

    /** Whether Liquibase can roll {@code changeSet} back: explicit rollback SQL ("empty" counts) or automatic inverses. */
    static boolean hasRollback(ChangeSet changeSet, Database database) {
        if (changeSet.hasCustomRollbackChanges()) {
            return true;
        }
        List<Change> changes = changeSet.getChanges();
        // Liquibase never generates a rollback for raw SQL, which is all formatted SQL changelogs hold.
        return !changes.isEmpty() && changes.stream().allMatch(change -> change.supportsRollback(database));
    }

    static ChangesetRef ref(ChangeSet changeSet) {
        return new ChangesetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }
}
