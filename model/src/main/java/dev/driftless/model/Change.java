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

    record AlterColumnType(QualifiedName table, String column, String fromType, String toType) implements Change {
        public Change reverse() { return new AlterColumnType(table, column, toType, fromType); }
        public String describe() { return "change type of " + table + "." + column + " from " + fromType + " to " + toType; }
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
                    : "make " + table + "." + column + " generated " + to.sql().toLowerCase() + " as identity";
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

    record CreateSequence(Sequence sequence) implements Change {
        public Change reverse() { return new DropSequence(sequence); }
        public QualifiedName table() { return null; }
        public String describe() { return "create sequence " + sequence.name(); }
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
}
