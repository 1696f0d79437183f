package dev.driftless.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides in which order changes run. Changes fall into phases; within a phase they
 * sort by table and description so that the same input always gives the same output.
 */
public final class ChangeOrder {

    private ChangeOrder() {
    }

    private static final Comparator<Change> ORDER = Comparator
            .comparingInt(ChangeOrder::phase)
            .thenComparing(c -> c.table() == null ? "" : c.table().toString())
            // views, functions and triggers in creation order, each after what it may use; dropped the other way
            .thenComparingInt(c -> c instanceof Change.CreateUnowned u ? u.object().position()
                    : c instanceof Change.DropUnowned u ? -u.object().position() : 0)
            .thenComparing(Change::describe);

    public static List<Change> sort(List<Change> changes) {
        return changes.stream().sorted(ORDER).toList();
    }

    /** The phase of a change; each rule says why it sits where it does. Java 17 has no pattern switch, so a table. */
    static int phase(Change change) {
        // A column cannot be an identity and have a default at once: what one change lets go of comes before the other
        // takes hold, so a serial's default goes before its identity comes (and the rollback, reversed, the other way).
        if (change instanceof Change.AlterColumnDefault d && d.toDefault() == null
                || change instanceof Change.AlterColumnIdentity i && i.to() == Identity.NONE) {
            return LETTING_GO;
        }
        Integer phase = PHASES.get(change.getClass());
        if (phase == null) {
            throw new IllegalStateException("no phase for " + change.getClass().getSimpleName());
        }
        return phase;
    }

    static Map<Class<? extends Change>, Integer> PHASES_FOR_TEST() {
        return PHASES;
    }

    /** Dropping a column's identity or default, before the column's type changes or it takes the other. */
    private static final int LETTING_GO = 8;

    private static final Map<Class<? extends Change>, Integer> PHASES = Map.ofEntries(
            // Everything else may live in a new schema (a table may be moved into one): first of all.
            Map.entry(Change.CreateSchema.class, -3),
            // Renames before every other change: the changes that follow name tables and columns by their new names.
            Map.entry(Change.RenameTable.class, -2),
            // After the table renames: a renamed column is named in its table's new name.
            Map.entry(Change.RenameColumn.class, -1),
            // A foreign key pins the key, columns and table it points at: let go of it before any of those goes.
            Map.entry(Change.DropForeignKey.class, 1),
            // A sequence's owner lets go of it before the owner's column or table is dropped, which would drop it too.
            Map.entry(Change.DisownSequence.class, 1),
            // What uses tables and columns goes before any of them changes.
            Map.entry(Change.DropUnowned.class, 0),
            // Constraints and indexes go before the columns they cover are dropped or retyped.
            Map.entry(Change.DropIndex.class, 2),
            Map.entry(Change.DropUniqueConstraint.class, 2),
            Map.entry(Change.DropCheckConstraint.class, 2),
            Map.entry(Change.DropExclusionConstraint.class, 2),
            Map.entry(Change.DropPrimaryKey.class, 2),
            Map.entry(Change.DropColumn.class, 3),
            Map.entry(Change.DropTable.class, 4),
            // Column defaults may call nextval() on a sequence, so sequences exist before tables.
            Map.entry(Change.CreateSequence.class, 5),
            Map.entry(Change.AlterSequence.class, 5),
            // Enum types exist, with their new labels, before any column, default or check uses them.
            Map.entry(Change.CreateEnumType.class, 5),
            Map.entry(Change.AlterEnumType.class, 5),
            Map.entry(Change.CreateTable.class, 6),
            Map.entry(Change.AddColumn.class, 7),
            // A dropped identity or default goes first (LETTING_GO), before a type change may need it gone; an identity
            // or default set comes after the type it must fit.
            Map.entry(Change.AlterColumnType.class, 9),
            Map.entry(Change.AlterColumnIdentity.class, 10),
            Map.entry(Change.AlterColumnDefault.class, 10),
            // NOT NULL last among column changes: a new default may be what fills the gaps.
            Map.entry(Change.AlterColumnNullability.class, 11),
            Map.entry(Change.AddPrimaryKey.class, 12),
            Map.entry(Change.AddUniqueConstraint.class, 12),
            Map.entry(Change.AddCheckConstraint.class, 12),
            Map.entry(Change.AddExclusionConstraint.class, 12),
            Map.entry(Change.CreateIndex.class, 13),
            // A comment needs its table and column; it depends on nothing else.
            Map.entry(Change.SetTableComment.class, 13),
            Map.entry(Change.SetColumnComment.class, 13),
            // Ownership needs both the sequence and the owner's column.
            Map.entry(Change.OwnSequence.class, 13),
            // A foreign key needs both tables and the referenced key in place.
            Map.entry(Change.AddForeignKey.class, 14),
            // Views, functions and triggers need their tables, columns and keys (a view may group by a primary key).
            Map.entry(Change.CreateUnowned.class, 14),
            // Sequences go after the tables whose defaults used them.
            Map.entry(Change.DropSequence.class, 15),
            // An enum type goes once no column uses it any more.
            Map.entry(Change.DropEnumType.class, 15),
            // A schema can only be dropped once it is empty.
            Map.entry(Change.DropSchema.class, 16));
}
