package dev.driftless.model;

import java.util.Objects;

/**
 * One step that turns a database into another: changes are data. Each knows its reverse, so a rollback
 * comes from the model, never from a template; a drop carries the whole dropped object so that its
 * reverse can recreate it.
 */
public sealed interface Change {

    /** The change that undoes this one. */
    Change reverse();

    /** True when applying it loses data that its reverse cannot bring back. */
    /** "view that uses", "views that use", or with a trigger among them "views and triggers that use". */
    static String dependents(java.util.List<UnownedObject> objects) {
        boolean trigger = objects.stream().anyMatch(o -> o.kind().equals("trigger"));
        if (objects.size() == 1) {
            return trigger ? "trigger that uses" : "view that uses";
        }
        return trigger ? "views and triggers that use" : "views that use";
    }

    default boolean destructive() {
        return false;
    }

    /** The table this change belongs to, or {@code null} for schema-level changes. */
    QualifiedName table();

    /** One line for people: {@code add column backtester.orders.fee numeric(19,4)}. */
    String describe();

    record CreateSchema(String name) implements Change {
        public Change reverse() { return new DropSchema(name); }
        public QualifiedName table() { return null; }
        public String describe() { return "create schema " + name; }
    }

    record DropSchema(String name) implements Change {
        public Change reverse() { return new CreateSchema(name); }
        public QualifiedName table() { return null; }
        public String describe() { return "drop schema " + name; }
    }

    /** Creates a table with its columns, primary key, unique and check constraints; foreign keys and indexes follow separately. */
    record CreateTable(Table definition) implements Change {
        public CreateTable {
            definition = definition.withoutForeignKeysAndIndexes();
        }
        public Change reverse() { return new DropTable(definition); }
        public QualifiedName table() { return definition.name(); }
        public String describe() { return "create table " + definition.name(); }
    }

    record DropTable(Table definition) implements Change {
        public DropTable {
            definition = definition.withoutForeignKeysAndIndexes();
        }
        public Change reverse() { return new CreateTable(definition); }
        public boolean destructive() { return true; }
        public QualifiedName table() { return definition.name(); }
        public String describe() { return "drop table " + definition.name(); }
    }

    /**
     * Renames a table, or moves it to another schema ({@code from} and {@code to} differ in schema), or both. Its
     * columns, keys, indexes and data go with it; it loses nothing.
     */
    record RenameTable(QualifiedName from, QualifiedName to) implements Change {
        public RenameTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
        public Change reverse() { return new RenameTable(to, from); }
        /** The new name: every later change of the table uses it. */
        public QualifiedName table() { return to; }
        public String describe() {
            return (from.name().equals(to.name()) ? "move table " : "rename table ") + from + " to " + to;
        }
    }

    /** Renames a column of {@code table}; its values, keys and indexes stay. */
    record RenameColumn(QualifiedName table, String from, String to) implements Change {
        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
        public Change reverse() { return new RenameColumn(table, to, from); }
        public String describe() { return "rename column " + table + "." + from + " to " + to; }
    }

    record AddColumn(QualifiedName table, Column column) implements Change {
        public Change reverse() { return new DropColumn(table, column); }
        public String describe() { return "add column " + table + "." + column.name() + " " + column.type(); }
    }

    record DropColumn(QualifiedName table, Column column) implements Change {
        public Change reverse() { return new AddColumn(table, column); }
        public boolean destructive() { return true; }
        public String describe() { return "drop column " + table + "." + column.name(); }
    }

    /**
     * Changes a column's type. Values convert by PostgreSQL's cast unless {@code conversion} maps them (stored text →
     * new text, e.g. an enum's ordinal to its name); values it does not list still take the cast.
     *
     * @param collation the column's collation when not its type's default, kept through the change in both directions
     *                  (a type change without {@code COLLATE} would reset it), or {@code null}
     * @param timeZone  for a change between {@code timestamp} and {@code timestamptz}: the zone the stored local times
     *                  are read (or written) in, so the instants do not depend on the applying session's TimeZone; or
     *                  {@code null}
     * @param views     the views and materialized views that use the column, directly or through one another, and the
     *                  triggers that name it (UPDATE OF, WHEN), in
     *                  creation order: PostgreSQL will not retype a column a view uses, so the same changeset drops
     *                  them (the last created first) and re-creates them after the change from their definitions; its
     *                  reverse does the same around the reverse change
     */
    record AlterColumnType(QualifiedName table, String column, String fromType, String toType,
                           java.util.List<ValueMapping> conversion, String collation, String timeZone,
                           java.util.List<UnownedObject> views) implements Change {
        public AlterColumnType {
            conversion = java.util.List.copyOf(conversion);
            views = views == null ? java.util.List.of() : java.util.List.copyOf(views);
        }
        public AlterColumnType(QualifiedName table, String column, String fromType, String toType,
                               java.util.List<ValueMapping> conversion, String collation,
                               java.util.List<UnownedObject> views) {
            this(table, column, fromType, toType, conversion, collation, null, views);
        }
        public AlterColumnType(QualifiedName table, String column, String fromType, String toType,
                               java.util.List<ValueMapping> conversion, String collation) {
            this(table, column, fromType, toType, conversion, collation, null, java.util.List.of());
        }
        public AlterColumnType(QualifiedName table, String column, String fromType, String toType,
                               java.util.List<ValueMapping> conversion) {
            this(table, column, fromType, toType, conversion, null);
        }
        public AlterColumnType(QualifiedName table, String column, String fromType, String toType) {
            this(table, column, fromType, toType, java.util.List.of());
        }
        public AlterColumnType withConversion(java.util.List<ValueMapping> mapping) {
            return new AlterColumnType(table, column, fromType, toType, mapping, collation, timeZone, views);
        }
        public AlterColumnType withTimeZone(String zone) {
            return new AlterColumnType(table, column, fromType, toType, conversion, collation, zone, views);
        }
        public AlterColumnType withViews(java.util.List<UnownedObject> dependents) {
            return new AlterColumnType(table, column, fromType, toType, conversion, collation, timeZone, dependents);
        }
        public Change reverse() {
            return new AlterColumnType(table, column, toType, fromType, conversion.stream().map(ValueMapping::reverse).toList(),
                    collation, timeZone, views);
        }
        public String describe() {
            return "change type of " + table + "." + column + " from " + fromType + " to " + toType
                    + (conversion.isEmpty() ? "" : " converting " + conversion.stream()
                            .map(m -> m.from() + "→" + m.to()).collect(java.util.stream.Collectors.joining(", ")))
                    + (timeZone == null ? "" : ", the local times read in " + timeZone)
                    + (views.isEmpty() ? "" : ", dropping and re-creating the " + dependents(views)
                            + " it: " + views.stream().map(UnownedObject::describe)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    record AlterColumnNullability(QualifiedName table, String column, boolean nullable) implements Change {
        public Change reverse() { return new AlterColumnNullability(table, column, !nullable); }
        public String describe() { return (nullable ? "drop not null on " : "set not null on ") + table + "." + column; }
    }

    /** {@code fromDefault}/{@code toDefault} are expressions, {@code null} meaning no default. */
    record AlterColumnDefault(QualifiedName table, String column, String fromDefault, String toDefault) implements Change {
        public Change reverse() { return new AlterColumnDefault(table, column, toDefault, fromDefault); }
        public String describe() {
            return toDefault == null ? "drop default of " + table + "." + column
                    : "set default of " + table + "." + column + " to " + toDefault;
        }
    }

    record AlterColumnIdentity(QualifiedName table, String column, Identity from, Identity to) implements Change {
        public Change reverse() { return new AlterColumnIdentity(table, column, to, from); }
        public String describe() {
            return to == Identity.NONE ? "drop identity of " + table + "." + column
                    : "make " + table + "." + column + " generated " + to.sql().toLowerCase() + " as identity"
                    + (from == Identity.NONE ? ", starting after the ids already there" : "");
        }
    }

    record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
        public Change reverse() { return new DropPrimaryKey(table, key); }
        public String describe() { return "add primary key " + key.name() + " on " + table + " " + key.columns(); }
    }

    record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
        public Change reverse() { return new AddPrimaryKey(table, key); }
        public String describe() { return "drop primary key " + key.name() + " of " + table; }
    }

    record AddForeignKey(QualifiedName table, ForeignKey key) implements Change {
        public Change reverse() { return new DropForeignKey(table, key); }
        public String describe() {
            return "add foreign key " + key.name() + " " + table + key.columns() + " -> " + key.referencedTable() + key.referencedColumns();
        }
    }

    record DropForeignKey(QualifiedName table, ForeignKey key) implements Change {
        public Change reverse() { return new AddForeignKey(table, key); }
        public String describe() { return "drop foreign key " + key.name() + " of " + table; }
    }

    record AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint) implements Change {
        public Change reverse() { return new DropUniqueConstraint(table, constraint); }
        public String describe() { return "add unique constraint " + constraint.name() + " on " + table + " " + constraint.columns(); }
    }

    record DropUniqueConstraint(QualifiedName table, UniqueConstraint constraint) implements Change {
        public Change reverse() { return new AddUniqueConstraint(table, constraint); }
        public String describe() { return "drop unique constraint " + constraint.name() + " of " + table; }
    }

    /** Adds an exclusion constraint: only ever the reverse of dropping one (JPA cannot declare one). */
    record AddExclusionConstraint(QualifiedName table, ExclusionConstraint constraint) implements Change {
        public Change reverse() { return new DropExclusionConstraint(table, constraint); }
        public String describe() { return "add exclusion constraint " + constraint.name() + " on " + table + " " + constraint.definition(); }
    }

    record DropExclusionConstraint(QualifiedName table, ExclusionConstraint constraint) implements Change {
        public Change reverse() { return new AddExclusionConstraint(table, constraint); }
        public String describe() { return "drop exclusion constraint " + constraint.name() + " of " + table; }
    }

    record AddCheckConstraint(QualifiedName table, CheckConstraint constraint) implements Change {
        public Change reverse() { return new DropCheckConstraint(table, constraint); }
        public String describe() { return "add check constraint " + constraint.name() + " on " + table; }
    }

    record DropCheckConstraint(QualifiedName table, CheckConstraint constraint) implements Change {
        public Change reverse() { return new AddCheckConstraint(table, constraint); }
        public String describe() { return "drop check constraint " + constraint.name() + " of " + table; }
    }

    record CreateIndex(QualifiedName table, Index index) implements Change {
        public Change reverse() { return new DropIndex(table, index); }
        public String describe() { return "create index " + index.name() + " on " + table + " " + index.keys(); }
    }

    record DropIndex(QualifiedName table, Index index) implements Change {
        public Change reverse() { return new CreateIndex(table, index); }
        public String describe() { return "drop index " + index.name() + " of " + table; }
    }

    /**
     * Creates a sequence.
     *
     * @param startsAfter id columns of tables that already exist, with rows whose ids came from elsewhere (a
     *                    {@code serial} column, an older sequence): at apply time the new sequence is moved past the
     *                    largest id in them, so the application's next ids do not collide; empty for a plain create.
     *                    Its reverse drops the sequence as any other.
     */
    record CreateSequence(Sequence sequence, java.util.List<IdColumn> startsAfter) implements Change {
        public CreateSequence {
            Objects.requireNonNull(sequence, "sequence");
            startsAfter = startsAfter == null ? java.util.List.of() : java.util.List.copyOf(startsAfter);
        }
        public CreateSequence(Sequence sequence) {
            this(sequence, java.util.List.of());
        }
        public CreateSequence withStartsAfter(java.util.List<IdColumn> columns) {
            return new CreateSequence(sequence, columns);
        }
        public Change reverse() { return new DropSequence(sequence); }
        public QualifiedName table() { return null; }
        public String describe() {
            return "create sequence " + sequence.name() + (startsAfter.isEmpty() ? "" : ", which starts after the ids already in "
                    + startsAfter.stream().map(IdColumn::toString).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** Dropping a sequence loses its current value; its reverse starts it again from {@code start}. */
    record DropSequence(Sequence sequence) implements Change {
        public Change reverse() { return new CreateSequence(sequence); }
        public QualifiedName table() { return null; }
        public String describe() { return "drop sequence " + sequence.name(); }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public AlterSequence {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
        public Change reverse() { return new AlterSequence(to, from); }
        public QualifiedName table() { return null; }
        public String describe() { return "alter sequence " + to.name(); }
    }

    /** Creates an enum type with its casts; columns of the type come after it. */
    /** Makes a column own a sequence, after both exist; only ever for a sequence that had (or is to have) the owner. */
    record OwnSequence(QualifiedName sequence, SequenceOwner owner) implements Change {
        public Change reverse() { return new DisownSequence(sequence, owner); }
        public QualifiedName table() { return owner.table(); }
        public String describe() { return "make " + owner + " own sequence " + sequence; }
    }

    /**
     * Ends a column's ownership of a sequence, before the column, its table or the sequence goes: a dropped owner would
     * take the sequence with it, and the rollback could not give it back.
     */
    record DisownSequence(QualifiedName sequence, SequenceOwner owner) implements Change {
        public Change reverse() { return new OwnSequence(sequence, owner); }
        public QualifiedName table() { return owner.table(); }
        public String describe() { return "end " + owner + "'s ownership of sequence " + sequence; }
    }

    /** Creates a view, materialized view, function, procedure or trigger from its own definition. */
    record CreateUnowned(UnownedObject object) implements Change {
        public Change reverse() { return new DropUnowned(object); }
        public QualifiedName table() { return null; }
        public String describe() { return "create " + object.describe(); }
    }

    record DropUnowned(UnownedObject object) implements Change {
        public Change reverse() { return new CreateUnowned(object); }
        public QualifiedName table() { return null; }
        public String describe() { return "drop " + object.describe(); }
    }

    record CreateEnumType(EnumType type) implements Change {
        public Change reverse() { return new DropEnumType(type); }
        public QualifiedName table() { return null; }
        public String describe() { return "create enum type " + type.name() + " " + type.values(); }
    }

    record DropEnumType(EnumType type) implements Change {
        public Change reverse() { return new CreateEnumType(type); }
        public QualifiedName table() { return null; }
        public String describe() { return "drop enum type " + type.name(); }
    }

    /**
     * Changes the labels (and casts) of an enum type. When {@code to} only adds labels to {@code from} this is
     * {@code ALTER TYPE … ADD VALUE}; otherwise PostgreSQL cannot do it in place and the type is re-created, converting
     * the {@code usages} (the columns of the type) through text, which fails if a row holds a label that goes away.
     *
     * @param views the views and materialized views over those columns, as {@link AlterColumnType#views()}: a
     *              re-creation converts the columns, so it drops and re-creates them around it (adding labels in
     *              place does not); kept in both directions, since the reverse of adding labels is a re-creation
     */
    record AlterEnumType(EnumType from, EnumType to, java.util.List<EnumType.Usage> usages,
                         java.util.List<UnownedObject> views) implements Change {
        public AlterEnumType {
            usages = java.util.List.copyOf(usages);
            views = views == null ? java.util.List.of() : java.util.List.copyOf(views);
        }
        public AlterEnumType(EnumType from, EnumType to, java.util.List<EnumType.Usage> usages) {
            this(from, to, usages, java.util.List.of());
        }
        public AlterEnumType withViews(java.util.List<UnownedObject> dependents) {
            return new AlterEnumType(from, to, usages, dependents);
        }
        public Change reverse() { return new AlterEnumType(to, from, usages, views); }
        public QualifiedName table() { return null; }
        public boolean onlyAddsValues() { return to.onlyAddsTo(from) && to.casts().equals(from.casts()); }
        public String describe() {
            java.util.List<String> added = to.values().stream().filter(v -> !from.values().contains(v)).toList();
            java.util.List<String> removed = from.values().stream().filter(v -> !to.values().contains(v)).toList();
            if (onlyAddsValues()) {
                return "add value" + (added.size() == 1 ? " " : "s ") + String.join(", ", added) + " to enum type " + to.name();
            }
            return "re-create enum type " + to.name() + " as " + to.values()
                    + (removed.isEmpty() ? "" : " (without " + String.join(", ", removed) + ")")
                    + (views.isEmpty() ? "" : ", dropping and re-creating the " + dependents(views)
                            + " its columns: " + views.stream().map(UnownedObject::describe)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** {@code from}/{@code to} are comment texts, {@code null} meaning none. */
    record SetTableComment(QualifiedName table, String from, String to) implements Change {
        public Change reverse() { return new SetTableComment(table, to, from); }
        public String describe() {
            return to == null ? "remove comment on table " + table : "set comment on table " + table;
        }
    }

    /** {@code from}/{@code to} are comment texts, {@code null} meaning none. */
    record SetColumnComment(QualifiedName table, String column, String from, String to) implements Change {
        public Change reverse() { return new SetColumnComment(table, column, to, from); }
        public String describe() {
            return to == null ? "remove comment on column " + table + "." + column
                    : "set comment on column " + table + "." + column;
        }
    }
}
