package dev.driftless.model;

import dev.driftless.model.ChangeRisk.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies every change: its risk, the PostgreSQL lock its generated statements take and whether they rewrite or
 * scan the table. A function over the change list, so the differ stays as it is and the renderer, the diff report and
 * the runner read one answer. Each rule says why.
 *
 * <p>{@code online}:         whether the statements are the online forms (CONCURRENTLY, NOT VALID + VALIDATE, USING INDEX),
 *                       as {@code diff} writes them unless {@code --simple-ddl}
 * {@code createdTables}:  tables created by the same changelog: they are empty, so nothing on them can block or fail
 */
public final class ChangeRisks {

    private static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    private static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";

    private final boolean online;
    private final Set<QualifiedName> createdTables;

    public ChangeRisks(boolean online, Set<QualifiedName> createdTables) {
        this.online = online;
        this.createdTables = Set.copyOf(createdTables);
    }

    public boolean online() {
        return online;
    }

    /** The classifier for one changelog: the tables its {@link Change.CreateTable}s create are new. */
    public static ChangeRisks forChanges(List<Change> changes, boolean online) {
        return new ChangeRisks(online, changes.stream().filter(c -> c instanceof Change.CreateTable)
                .map(Change::table).collect(Collectors.toSet()));
    }

    /** Whether {@code change} works on a table created in the same changelog (empty, unseen by any application). */
    public boolean onNewTable(Change change) {
        return change.table() != null && createdTables.contains(change.table()) && !(change instanceof Change.CreateTable);
    }

    public ChangeRisk classify(Change change) {
        Objects.requireNonNull(change, "change");
        if (change.destructive()) {
            return new ChangeRisk(Level.DANGER, ACCESS_EXCLUSIVE, false, false,
                    "loses data: the rollback restores the structure, not the values");
        }
        if (onNewTable(change)) {
            return new ChangeRisk(Level.SAFE, ACCESS_EXCLUSIVE, false, false, "the table is new and empty");
        }
        Function<Change, ChangeRisk> rule = RULES.get(change.getClass());
        if (rule == null) {
            throw new IllegalStateException("no risk rule for " + change.getClass().getSimpleName());
        }
        return rule.apply(change);
    }

    private static ChangeRisk safe(String lock, String reason) {
        return new ChangeRisk(Level.SAFE, lock, false, false, reason);
    }

    private static ChangeRisk caution(String lock, boolean rewrites, boolean scans, String reason) {
        return new ChangeRisk(Level.CAUTION, lock, rewrites, scans, reason);
    }

    // Read through online(): the rules are built before the constructor sets the field.
    private final Map<Class<? extends Change>, Function<Change, ChangeRisk>> RULES = Map.ofEntries(
            rule(Change.CreateSchema.class, c -> safe("none", "a new schema")),
            rule(Change.DropSchema.class, c -> safe("none", "PostgreSQL drops only an empty schema")),
            rule(Change.CreateTable.class, c -> safe("none", "a new table")),
            rule(Change.RenameTable.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "brief lock; running application code that uses the old name fails")),
            rule(Change.RenameColumn.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "brief lock; running application code that uses the old name fails")),
            rule(Change.AddColumn.class, this::addColumn),
            rule(Change.AlterColumnType.class, c -> alterType(TypeChange.of(c))),
            rule(Change.AlterColumnNullability.class, c -> c.nullable() ? safe(ACCESS_EXCLUSIVE, "brief lock, no scan")
                    : online() ? caution(ACCESS_EXCLUSIVE, false, false,
                            "validated under SHARE UPDATE EXCLUSIVE first; fails if a row holds NULL")
                    : caution(ACCESS_EXCLUSIVE, false, true, "reads every row under the lock; fails if a row holds NULL")),
            rule(Change.AlterColumnDefault.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock, existing rows keep their values")),
            rule(Change.AlterColumnIdentity.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock, no rewrite")),
            rule(Change.AddPrimaryKey.class, c -> keyBuild("primary key")),
            rule(Change.DropPrimaryKey.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "the table stops enforcing its key until a new one is in place")),
            rule(Change.AddForeignKey.class, c -> online()
                    ? caution(SHARE_UPDATE_EXCLUSIVE, false, true,
                            "added NOT VALID, then validated without blocking writes; fails if a row has no parent")
                    : caution("SHARE ROW EXCLUSIVE", false, true,
                            "blocks writes to both tables while every row is checked; fails if a row has no parent")),
            rule(Change.DropForeignKey.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock")),
            rule(Change.AddUniqueConstraint.class, c -> keyBuild("unique constraint")),
            rule(Change.DropUniqueConstraint.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "the table stops enforcing this uniqueness")),
            rule(Change.AddCheckConstraint.class, c -> online()
                    ? caution(SHARE_UPDATE_EXCLUSIVE, false, true,
                            "added NOT VALID, then validated without blocking writes; fails if a row violates it")
                    : caution(ACCESS_EXCLUSIVE, false, true, "reads every row under the lock; fails if a row violates it")),
            rule(Change.DropCheckConstraint.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock")),
            rule(Change.CreateUnowned.class, c -> c.object().kind().equals("materialized view")
                    ? caution(ACCESS_EXCLUSIVE, false, true, "runs its query to fill it")
                    : safe(ACCESS_EXCLUSIVE, "a new object; a trigger briefly locks its table")),
            rule(Change.DropUnowned.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "whatever uses it (the application, another view) stops working")),
            rule(Change.OwnSequence.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock on the sequence")),
            rule(Change.DisownSequence.class, c -> safe(ACCESS_EXCLUSIVE, "brief lock on the sequence")),
            rule(Change.AddExclusionConstraint.class, c -> caution(ACCESS_EXCLUSIVE, false, true,
                    "builds its index under the lock; fails if two rows conflict")),
            rule(Change.DropExclusionConstraint.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "the table stops enforcing this exclusion")),
            rule(Change.CreateIndex.class, c -> online()
                    ? (c.index().unique() ? caution(SHARE_UPDATE_EXCLUSIVE, false, true,
                            "built concurrently without blocking writes; fails on duplicate values")
                    : new ChangeRisk(Level.SAFE, SHARE_UPDATE_EXCLUSIVE, false, true, "built concurrently without blocking writes"))
                    : caution("SHARE", false, true, "blocks writes while the index is built")),
            rule(Change.DropIndex.class, c -> online() ? safe(SHARE_UPDATE_EXCLUSIVE, "dropped concurrently")
                    : safe(ACCESS_EXCLUSIVE, "brief lock")),
            rule(Change.CreateSequence.class, c -> safe("none", "a new sequence")),
            rule(Change.AlterSequence.class, c -> safe("none", "only the sequence")),
            // had no rule before (diff --drop-unmapped of a sequence failed to classify it)
            rule(Change.DropSequence.class, c -> caution(ACCESS_EXCLUSIVE, false, false,
                    "its current value is lost: the rollback starts it again from its start value")),
            rule(Change.CreateEnumType.class, c -> safe("none", "a new type")),
            rule(Change.DropEnumType.class, c -> safe("none", "no column uses it any more")),
            rule(Change.AlterEnumType.class, c -> c.onlyAddsValues() ? safe("none", "adds labels in place")
                    : caution(ACCESS_EXCLUSIVE, true, true,
                            "rewrites every column of the type; fails if a row holds a label that goes away")),
            rule(Change.SetTableComment.class, c -> safe("SHARE UPDATE EXCLUSIVE", "metadata only")),
            rule(Change.SetColumnComment.class, c -> safe("SHARE UPDATE EXCLUSIVE", "metadata only")));

    /** The kinds of change with a rule; a test holds every kind of change to have one. */
    java.util.Set<Class<? extends Change>> kindsWithRules() {
        return RULES.keySet();
    }

    private static <C extends Change> Map.Entry<Class<? extends Change>, Function<Change, ChangeRisk>> rule(
            Class<C> kind, Function<C, ChangeRisk> classify) {
        return Map.entry(kind, change -> classify.apply(kind.cast(change)));
    }

    /**
     * Since PostgreSQL 11 a column with a constant default (or none) is added without a rewrite; an identity column or a
     * volatile default fills every row; NOT NULL without a default fails on a table with rows.
     */
    private ChangeRisk addColumn(Change.AddColumn change) {
        Column column = change.column();
        String dflt = column.defaultValue();
        if (column.identity() != Identity.NONE || (dflt != null && dflt.matches("(?s).*(random|clock_timestamp|uuid|nextval)\\(.*"))) {
            return caution(ACCESS_EXCLUSIVE, true, true, "every existing row gets its own value");
        }
        if (!column.nullable() && dflt == null) {
            return caution(ACCESS_EXCLUSIVE, false, false, "NOT NULL without a default fails if the table has rows");
        }
        return safe(ACCESS_EXCLUSIVE, "brief lock, no rewrite");
    }

    private static ChangeRisk alterType(TypeChange type) {
        return switch (type.kind()) {
            case WIDENS -> safe(ACCESS_EXCLUSIVE, "every value fits; PostgreSQL relabels the column without a rewrite");
            case NARROWS -> caution(ACCESS_EXCLUSIVE, true, true, type.rounds()
                    ? "every value is checked; the statement fails rather than round a value that does not fit"
                    : "every value is checked; the statement fails rather than truncate a value that does not fit");
            case CONVERTS -> caution(ACCESS_EXCLUSIVE, true, true, "every value is converted by PostgreSQL's cast");
            case REINTERPRETS -> new ChangeRisk(Level.DANGER, ACCESS_EXCLUSIVE, true, true,
                    "no cast keeps the values' meaning: a data migration");
        };
    }

    /** Online: a unique index built concurrently, then attached with USING INDEX under a brief lock. */
    private ChangeRisk keyBuild(String what) {
        return online
                ? caution(SHARE_UPDATE_EXCLUSIVE, false, true,
                        "unique index built concurrently, then attached as the " + what + "; fails on duplicate values")
                : caution(ACCESS_EXCLUSIVE, false, true,
                        "blocks reads and writes while the index is built; fails on duplicate values");
    }
}
